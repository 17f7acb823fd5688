import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createItem, createTestDatabase, createUser, createWorkstream, type TestDatabase } from "../testing/index.ts";
import { convertMarkdownBodies } from "./markdown-bodies.ts";

describe("converting Markdown bodies to documents", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it("converts every body left in Markdown, with our images and item links, once", async () => {
    const author = await createUser(t.db);
    const target = await createItem(t.db, { authorId: author.id, slug: "the-plan", live: { title: "The plan" } });
    const item = await createItem(t.db, { authorId: author.id, live: { title: "Old body" } });
    const media = await t.db.media.create({
      data: {
        storageKey: "abcdefabcdefabcdefabcdef.png",
        fileName: "chart.png",
        mimeType: "image/png",
        byteSize: 10,
        alt: "A chart",
        uploadedById: author.id,
      },
    });
    const workstream = await createWorkstream(t.db);
    // As the migration left them: Markdown in the old column, the default document in the new.
    await t.db
      .$executeRaw`UPDATE "Revision" SET "markdownBody" = ${"## Findings\n\nSee [the plan](/news/the-plan) and ![A chart](/media/abcdefabcdefabcdefabcdef.png).\n\n- one\n- **two**"}, "bodyText" = '' WHERE "id" = ${item.liveId}`;
    await t.db
      .$executeRaw`UPDATE "Workstream" SET "markdownDescription" = ${"Why *this* matters."} WHERE "id" = ${workstream.id}`;

    expect(await convertMarkdownBodies(t.db)).toEqual({ revisions: 1, workstreams: 1 });
    const revision = await t.db.revision.findUniqueOrThrow({ where: { id: item.liveId ?? "" } });
    expect(revision.markdownBody).toBeNull();
    expect(revision.bodyText).toBe("Findings\nSee the plan and\n.\none\ntwo");
    expect(revision.document).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Findings" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "See " },
            {
              type: "text",
              marks: [{ type: "link", attrs: { href: "/news/the-plan", itemId: target.id } }],
              text: "the plan",
            },
            { type: "text", text: " and " },
          ],
        },
        { type: "image", attrs: { mediaId: media.id, alt: "A chart", decorative: false, caption: "" } },
        { type: "paragraph", content: [{ type: "text", text: "." }] },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] },
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", marks: [{ type: "bold" }], text: "two" }] }],
            },
          ],
        },
      ],
    });
    // Search reads the new text.
    const found = await t.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Revision" WHERE "searchVector" @@ plainto_tsquery('english', 'findings')`;
    expect(found.map((r) => r.id)).toEqual([item.liveId]);
    expect((await t.db.workstream.findUniqueOrThrow({ where: { id: workstream.id } })).description).toMatchObject({
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Why " },
            { type: "text", text: "this" },
            { type: "text", text: " matters." },
          ],
        },
      ],
    });
    // Nothing is left to convert the second time.
    expect(await convertMarkdownBodies(t.db)).toEqual({ revisions: 0, workstreams: 0 });
  });
});
