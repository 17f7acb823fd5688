import { bodyOf } from "@observatory/db/testing";
import type { UserModel as User } from "@observatory/db";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

const tokenOf = (url: string) => url.split("/preview/")[1] ?? "";

describe("share links", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let revisionId: string;
  let itemId: string;

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    const created = await author.api.editorial.create({
      title: "Shared draft",
      kind: "BLOG",
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Bold", marks: [{ type: "bold" }] },
              { type: "text", text: " claim." },
            ],
          },
        ],
      },
    });
    revisionId = created.revisionId;
    itemId = created.itemId;
  });

  it("shows the revision to anyone holding the link, rendered as the public page, and logs each use", async () => {
    const link = await author.api.editorial.createShareLink({ revisionId, days: 7 });
    const preview = await (await h.anonymous("198.51.100.4")).editorial.sharedPreview({ token: tokenOf(link.url) });
    expect(preview).toMatchObject({ title: "Shared draft", bodyHtml: "<p><strong>Bold</strong> claim.</p>" });
    const uses = await h.db.shareLinkUse.findMany({ where: { shareLinkId: link.id } });
    expect(uses).toHaveLength(1);
    expect(uses[0]?.ipHash).toMatch(/^[0-9a-f]{32}$/);
    const stored = await h.db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).not.toContain(tokenOf(link.url).split(".")[0]);
    const listed = await author.api.editorial.shareLinks({ itemId });
    expect(listed.find((l) => l.id === link.id)?.useCount).toBe(1);
  });

  it("bylines a revision an editor wrote with the item's author, as the public page will", async () => {
    const editor = await h.signedIn("EDITOR");
    const edited = await editor.api.editorial.save({
      itemId,
      baseRevisionId: revisionId,
      title: "Shared draft",
      kind: "BLOG",
      summary: "",
      body: bodyOf("Bold claim, checked."),
    });
    const link = await editor.api.editorial.createShareLink({ revisionId: edited.revisionId, days: 1 });
    const preview = await (await h.anonymous("198.51.100.5")).editorial.sharedPreview({ token: tokenOf(link.url) });
    expect(preview.authorName).toBe(author.user.name);
    expect((await editor.api.editorial.revision({ revisionId: edited.revisionId })).item.createdBy.name).toBe(
      author.user.name,
    );
    revisionId = edited.revisionId;
  });

  it("refuses a revoked link, an expired link and a forged one alike", async () => {
    const revoked = await author.api.editorial.createShareLink({ revisionId, days: 7 });
    await author.api.editorial.revokeShareLink({ id: revoked.id });
    const expired = await author.api.editorial.createShareLink({ revisionId, days: 1 });
    await h.db.shareLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const valid = tokenOf((await author.api.editorial.createShareLink({ revisionId, days: 1 })).url);
    const forged = `${valid.split(".")[0]}.AAAAAAAAAAAAAAAAAAAAAA`;
    const anonymous = await h.anonymous();
    for (const token of [tokenOf(revoked.url), tokenOf(expired.url), forged, "nonsense"]) {
      const refused = await refusal(anonymous.editorial.sharedPreview({ token }));
      expect(refused).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("not valid") });
    }
    expect(await h.db.shareLinkUse.count({ where: { shareLinkId: { in: [revoked.id, expired.id] } } })).toBe(0);
    expect(await h.db.auditEvent.count({ where: { targetId: itemId, action: "content.revokeShareLink" } })).toBe(1);
  });

  it("refuses links longer than 30 days", async () => {
    expect((await refusal(author.api.editorial.createShareLink({ revisionId, days: 31 }))).code).toBe("BAD_REQUEST");
  });
});
