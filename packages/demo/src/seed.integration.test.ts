import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@observatory/db/testing";
import { comments, items, workstreams } from "./content.ts";
import { demoImages } from "./images.ts";
import { demoUsers, seed } from "./index.ts";

describe("seed", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  const counts = async () => ({
    users: await t.db.user.count(),
    workstreams: await t.db.workstream.count(),
    items: await t.db.contentItem.count(),
    revisions: await t.db.revision.count(),
    comments: await t.db.comment.count(),
    media: await t.db.media.count(),
  });

  it("writes the demo users (one per role, and a clinical reviewer in its group), the priorities, the items and comments in every status", async () => {
    await seed(t.db);
    expect(await counts()).toEqual({
      users: demoUsers.length,
      workstreams: workstreams.length,
      items: items.length,
      revisions: items.length,
      comments: comments.length,
      media: Object.keys(demoImages).length,
    });
    const roles = (await t.db.user.findMany({ select: { role: true } })).map((u) => u.role).sort();
    expect(roles).toEqual(["ADMIN", "AUTHOR", "AUTHOR", "EDITOR", "MODERATOR"]);
    const clinical = await t.db.reviewGroup.findUniqueOrThrow({
      where: { name: "Clinical reviewers" },
      select: { members: { select: { user: { select: { email: true } } } } },
    });
    expect(clinical.members.map((m) => m.user.email)).toEqual(["clinician@observatory.test"]);
    const statuses = await t.db.comment.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["APPROVED", "PENDING", "REJECTED", "SPAM"]);
  });

  it("publishes every item with a live revision that full-text search can find", async () => {
    const unpublished = await t.db.contentItem.count({
      where: { OR: [{ liveRevisionId: null }, { status: { not: "PUBLISHED" } }] },
    });
    expect(unpublished).toBe(0);
    const [hit] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Revision" WHERE "searchVector" @@ plainto_tsquery('english', 'diaspora')`;
    expect(Number(hit?.n)).toBeGreaterThan(0);
  });

  it("gives every listing more than one page, and lead images from the media library with alt text", async () => {
    for (const kind of ["NEWS", "BLOG", "PRESS_RELEASE"] as const) {
      expect(await t.db.contentItem.count({ where: { kind } }), kind).toBeGreaterThan(10);
    }
    const withImages = await t.db.revision.findMany({
      where: { leadImageId: { not: null } },
      select: { leadImage: { select: { alt: true, decorative: true, width: true, variants: true } } },
    });
    expect(withImages.length).toBe(items.filter((i) => i.image).length);
    for (const { leadImage } of withImages) {
      expect(leadImage?.alt.length).toBeGreaterThan(20);
      expect(leadImage).toMatchObject({ decorative: false, width: 640 });
      expect(Array.isArray(leadImage?.variants) && leadImage.variants.length).toBeGreaterThan(0);
    }
  });

  it("duplicates nothing and keeps edits when run again", async () => {
    const before = await counts();
    await t.db.workstream.update({ where: { slug: workstreams[0]?.slug }, data: { title: "Edited by staff" } });
    await seed(t.db);
    expect(await counts()).toEqual(before);
    const edited = await t.db.workstream.findUnique({ where: { slug: workstreams[0]?.slug } });
    expect(edited?.title).toBe("Edited by staff");
  });
});
