import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createItem } from "@observatory/db/testing";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { configureForTests } from "../testing/config.ts";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

configureForTests({ mediaDir: mkdtempSync(path.join(tmpdir(), "observatory-media-")) });

type Caller = Awaited<ReturnType<Harness["as"]>>;

describe("an item's lead image", () => {
  const h = useHarness();
  let author: Caller;
  let authorId: string;
  let imageId: string;

  beforeAll(async () => {
    const signedIn = await h.signedIn("AUTHOR");
    author = signedIn.api;
    authorId = signedIn.user.id;
    const bytes = await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#005eb8" } })
      .jpeg()
      .toBuffer();
    imageId = (
      await author.media.upload({
        fileName: "clinic.jpg",
        contentBase64: bytes.toString("base64"),
        alt: "A community clinic waiting room",
        credit: "Photograph: Observatory",
      })
    ).id;
  });

  it("is kept with the revision, shown in the preview, and refused when it is not in the library", async () => {
    const created = await author.editorial.create({ title: "With a picture", kind: "NEWS", leadImageId: imageId });
    const revision = await author.editorial.revision({ revisionId: created.revisionId });
    expect(revision.leadImageId).toBe(imageId);
    expect(revision.leadImage).toMatchObject({ alt: "A community clinic waiting room", width: 1000, height: 500 });
    const link = await author.editorial.createShareLink({ revisionId: created.revisionId, days: 1 });
    const shared = await (await h.anonymous()).editorial.sharedPreview({ token: link.url.split("/preview/")[1] ?? "" });
    expect(shared.leadImage?.alt).toBe("A community clinic waiting room");
    const saved = await author.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      title: "With a picture",
      kind: "NEWS",
      leadImageId: "",
    });
    expect((await h.db.revision.findUniqueOrThrow({ where: { id: saved.revisionId } })).leadImageId).toBeNull();
    // The earlier revision keeps its image: it is versioned with the revision.
    expect((await h.db.revision.findUniqueOrThrow({ where: { id: created.revisionId } })).leadImageId).toBe(imageId);
    const refused = await refusal(author.editorial.create({ title: "Bad picture", kind: "NEWS", leadImageId: "nope" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect((refused.cause as { fields?: Record<string, string> }).fields?.leadImageId).toBe(
      "Choose a lead image from the library",
    );
    expect(await h.db.contentItem.count({ where: { title: "Bad picture" } })).toBe(0);
    expect((await author.media.get({ id: imageId })).usedBy).toEqual([]);
  });

  it("is the card image in public listings and on the page, and its library page lists where it is used", async () => {
    const item = await createItem(h.db, { authorId, live: { title: "Published with a picture" } });
    await h.db.revision.updateMany({ where: { itemId: item.id }, data: { leadImageId: imageId } });
    const reader = await h.anonymous();
    const listed = (await reader.content.list({ section: "all", page: 1 })).items.find((i) => i.id === item.id);
    expect(listed?.leadImage).toMatchObject({
      alt: "A community clinic waiting room",
      credit: "Photograph: Observatory",
      width: 1000,
      height: 500,
      src: expect.stringMatching(/^\/media\/[a-z0-9]{24}-960\.jpg$/),
    });
    expect(listed?.leadImage?.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect((await author.media.get({ id: imageId })).usedBy).toEqual([
      { id: item.id, title: "Published with a picture" },
    ]);
    // An image in a body counts as used too.
    const inBody = await author.editorial.create({
      title: "A picture in the text",
      kind: "NEWS",
      body: {
        type: "doc",
        content: [
          { type: "image", attrs: { mediaId: imageId, alt: "A waiting room", decorative: false, caption: "" } },
        ],
      },
    });
    expect((await author.media.get({ id: imageId })).usedBy).toEqual([
      { id: inBody.itemId, title: "A picture in the text" },
      { id: item.id, title: "Published with a picture" },
    ]);
  });

  it("changes the public content version when its alt text changes, so cached pages are redrawn", async () => {
    const reader = await h.anonymous();
    const before = (await reader.content.publicState()).version;
    await author.media.update({
      id: imageId,
      title: "",
      alt: "A busy community clinic waiting room",
      decorative: false,
      caption: "",
      credit: "Photograph: Observatory",
    });
    expect((await reader.content.publicState()).version).not.toBe(before);
  });
});
