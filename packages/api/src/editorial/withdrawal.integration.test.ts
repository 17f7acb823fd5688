import type { UserModel as User } from "@observatory/db";
import { createItem } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

const reason = "The screening programme this described ended in March; the new guidance replaces it.";

describe("withdrawing and unpublishing (decision 027)", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let editor: { user: User; api: Caller };
  let reader: Caller;

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    editor = await h.signedIn("EDITOR");
    reader = await h.anonymous();
  });

  const live = (slug: string, title: string, kind: "NEWS" | "PAGE" = "NEWS") =>
    createItem(h.db, {
      authorId: author.user.id,
      slug,
      kind,
      live: { title, body: `${title} and cervical screening.` },
    });
  const article = (slug: string, section = "news") => reader.content.article({ section, slug });
  const audits = (itemId: string, action: string) => h.db.auditEvent.findMany({ where: { targetId: itemId, action } });
  const listed = async (slug: string) => {
    const [latest, search, sitemap] = await Promise.all([
      reader.content.list({ section: "news" }),
      reader.content.search({ q: "cervical screening" }),
      reader.content.sitemap(),
    ]);
    return {
      list: latest.items.some((i) => i.slug === slug),
      search: search.hits.some((i) => i.slug === slug),
      sitemap: sitemap.items.some((i) => i.path === `/news/${slug}`),
    };
  };

  it("keeps a withdrawn item at its address with the banner's facts, out of listings, search and the sitemap, but in the feed", async () => {
    const replacement = await live("new-screening-guidance", "New screening guidance");
    const item = await live("old-screening-guidance", "Old screening guidance");
    expect(await listed(item.slug)).toEqual({ list: true, search: true, sitemap: true });

    await editor.api.editorial.withdraw({ itemId: item.id, reason, replacementPath: "/news/new-screening-guidance" });

    const page = await article(item.slug);
    expect(page.kind).toBe("item");
    if (page.kind !== "item") return;
    expect(page.item.withdrawal).toMatchObject({
      reason,
      replacement: { path: "/news/new-screening-guidance", title: "New screening guidance" },
    });
    expect(page.item.withdrawal?.at).toBeInstanceOf(Date);
    // Comments close on a withdrawn item, by the public rule.
    expect(page.item.commentsOpen).toBe(false);
    expect(await listed(item.slug)).toEqual({ list: false, search: false, sitemap: false });
    expect(await listed(replacement.slug)).toEqual({ list: true, search: true, sitemap: true });
    const feed = await reader.content.feed({ section: "news" });
    expect(feed.items.find((i) => i.slug === item.slug)?.withdrawnAt).toBeInstanceOf(Date);

    const [audit] = await audits(item.id, "content.withdraw");
    expect(audit).toMatchObject({
      actorId: editor.user.id,
      data: { reason, replacementPath: "/news/new-screening-guidance" },
    });
    const view = await editor.api.editorial.item({ itemId: item.id });
    expect(view.can).toMatchObject({ withdraw: false, unwithdraw: true });
    expect((await editor.api.editorial.list({ withdrawn: true })).items.map((i) => i.id)).toEqual([item.id]);
  });

  it("undoes a withdrawal: the page is listed and open for comments again, on the record", async () => {
    const item = await live("withdrawn-then-back", "Withdrawn then back");
    await editor.api.editorial.withdraw({ itemId: item.id, reason, replacementPath: "" });
    expect((await refusal(author.api.editorial.unwithdraw({ itemId: item.id }))).code).toBe("FORBIDDEN");

    await editor.api.editorial.unwithdraw({ itemId: item.id });

    const page = await article(item.slug);
    expect(page.kind === "item" && page.item.withdrawal).toBeNull();
    expect(page.kind === "item" && page.item.commentsOpen).toBe(true);
    expect(await listed(item.slug)).toEqual({ list: true, search: true, sitemap: true });
    expect(await audits(item.id, "content.unwithdraw")).toHaveLength(1);
    expect((await refusal(editor.api.editorial.unwithdraw({ itemId: item.id }))).code).toBe("CONFLICT");
  });

  it("refuses an author, a missing reason, an item not on the site and a replacement readers cannot find, changing nothing", async () => {
    const item = await live("kept-as-it-is", "Kept as it is");
    const draft = await createItem(h.db, {
      authorId: author.user.id,
      slug: "only-a-draft",
      pending: { title: "Draft" },
      status: "DRAFT",
    });
    const byAuthor = await refusal(author.api.editorial.withdraw({ itemId: item.id, reason, replacementPath: "" }));
    expect(byAuthor.code).toBe("FORBIDDEN");
    const noReason = await refusal(
      editor.api.editorial.withdraw({ itemId: item.id, reason: " ", replacementPath: "" }),
    );
    expect(noReason.form?.fieldErrors.reason).toMatch(/Enter why it is withdrawn/);
    const badPath = await refusal(
      editor.api.editorial.withdraw({ itemId: item.id, reason, replacementPath: "https://example.com/x" }),
    );
    expect(badPath.form?.fieldErrors.replacementPath).toMatch(/starts with \//);
    const draftPath = await refusal(
      editor.api.editorial.withdraw({ itemId: item.id, reason, replacementPath: "/news/only-a-draft" }),
    );
    expect(draftPath.form?.fieldErrors.replacementPath).toMatch(/not on the public site/);
    const ownPath = await refusal(
      editor.api.editorial.withdraw({ itemId: item.id, reason, replacementPath: "/news/kept-as-it-is" }),
    );
    expect(ownPath.form?.fieldErrors.replacementPath).toMatch(/own address/);
    expect((await refusal(editor.api.editorial.withdraw({ itemId: draft.id, reason, replacementPath: "" }))).code).toBe(
      "CONFLICT",
    );
    const stored = await h.db.contentItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(stored.withdrawnAt).toBeNull();
    expect(await audits(item.id, "content.withdraw")).toHaveLength(0);
    expect(await listed(item.slug)).toEqual({ list: true, search: true, sitemap: true });
  });

  it("unpublishes by archiving: the address answers gone, with when and why, until the archive is undone", async () => {
    const item = await live("removed-in-error", "Removed in error");
    const refused = await refusal(editor.api.editorial.archive({ itemId: item.id }));
    expect(refused.form?.fieldErrors.reason).toMatch(/Enter why it is being unpublished/);
    expect((await article(item.slug)).kind).toBe("item");

    const archived = await editor.api.editorial.archive({ itemId: item.id, reason: "Published in error." });

    expect(await article(item.slug)).toEqual({
      kind: "gone",
      removedAt: archived.archivedAt,
      reason: "Published in error.",
    });
    const [audit] = await audits(item.id, "content.archive");
    expect(audit?.data).toMatchObject({ reason: "Published in error.", redirectPath: null });
    expect((await editor.api.editorial.list({ status: "ARCHIVED" })).items.find((i) => i.id === item.id)).toMatchObject(
      { removalReason: "Published in error." },
    );

    await editor.api.editorial.undoArchive({ itemId: item.id, archivedAt: archived.archivedAt });
    expect((await article(item.slug)).kind).toBe("item");
    expect(await h.db.contentItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      removalReason: null,
      removalRedirectPath: null,
    });
  });

  it("unpublishes with a redirect to a chosen page, and an item never published still gives no answer at all", async () => {
    await live("merged-guidance", "Merged guidance");
    const item = await live("merged-away", "Merged away");
    await editor.api.editorial.archive({
      itemId: item.id,
      reason: "Merged into the combined guidance.",
      redirectPath: "/news/merged-guidance",
    });
    expect(await article(item.slug)).toEqual({ kind: "redirect", location: "/news/merged-guidance" });

    const draft = await createItem(h.db, {
      authorId: author.user.id,
      slug: "never-out",
      pending: { title: "Never out" },
      status: "DRAFT",
    });
    await editor.api.editorial.archive({ itemId: draft.id });
    expect((await refusal(article(draft.slug))).code).toBe("NOT_FOUND");
  });

  it("answers gone, never a bare 404, for an item taken off the site without archiving", async () => {
    const item = await live("taken-off", "Taken off for now");
    await editor.api.editorial.unpublish({ itemId: item.id });
    const gone = await article(item.slug);
    expect(gone).toMatchObject({ kind: "gone", reason: "" });
    expect(gone.kind === "gone" && gone.removedAt).toEqual(
      (await h.db.contentItem.findUniqueOrThrow({ where: { id: item.id } })).updatedAt,
    );
  });

  it("keeps authors from unpublishing", async () => {
    const item = await live("authors-cannot", "Authors cannot");
    expect((await refusal(author.api.editorial.archive({ itemId: item.id, reason: "Mine" }))).code).toBe("FORBIDDEN");
    expect((await article(item.slug)).kind).toBe("item");
  });
});
