import { createComment, createItem, createUser, createWorkstream } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe("what the public sees", () => {
  const h = useHarness();
  let authorId: string;
  let workstreamSlug: string;
  let workstreamId: string;

  beforeAll(async () => {
    authorId = (await createUser(h.db, "AUTHOR")).id;
    const w = await createWorkstream(h.db);
    workstreamId = w.id;
    workstreamSlug = w.slug;
  });

  const publicSlugs = async () => {
    const caller = await h.anonymous();
    const [list, feed, sitemap, search] = await Promise.all([
      caller.content.list({ section: "all" }),
      caller.content.feed({}),
      caller.content.sitemap(),
      caller.content.search({ q: "visibility" }),
    ]);
    return {
      list: list.items.map((i) => i.slug),
      feed: feed.items.map((i) => i.slug),
      sitemap: sitemap.items.map((i) => i.path.split("/").pop()),
      search: search.hits.map((i) => i.slug),
    };
  };

  it("shows a published item everywhere: listing, article, feed, sitemap and search", async () => {
    const item = await createItem(h.db, {
      authorId,
      live: { title: "Visibility published", workstreamIds: [workstreamId] },
    });
    const caller = await h.anonymous();
    const article = await caller.content.article({ section: "news", slug: item.slug });
    expect(article.kind === "item" && article.item.title).toBe("Visibility published");
    const seen = await publicSlugs();
    for (const where of Object.values(seen)) expect(where).toContain(item.slug);
    const filtered = await caller.content.list({ section: "news", workstream: workstreamSlug });
    expect(filtered.items.map((i) => i.slug)).toContain(item.slug);
    // The feed carries the body as the page shows it.
    const entry = (await caller.content.feed({})).items.find((i) => i.slug === item.slug);
    expect(entry?.contentHtml).toBe("<p>The body of Visibility published.</p>");
  });

  it("gives a scheduled item's feed entry the body that went live at the scheduled time", async () => {
    const item = await createItem(h.db, {
      authorId,
      live: { title: "Visibility feed old", body: "The old words." },
      scheduled: { title: "Visibility feed new", body: "The new words.", publishAt: minutes(-1) },
    });
    const caller = await h.anonymous();
    const entry = (await caller.content.feed({})).items.find((i) => i.slug === item.slug);
    expect(entry?.contentHtml).toBe("<p>The new words.</p>");
  });

  // Never on the site: not found. Taken off it: gone (410), never a bare 404 (decision 027).
  it.each([
    ["a draft", () => ({ pending: { title: "Visibility draft" }, status: "DRAFT" as const }), "not found"],
    [
      "an item scheduled for later",
      () => ({ scheduled: { title: "Visibility scheduled", publishAt: minutes(60) } }),
      "not found",
    ],
    ["an expired item", () => ({ live: { title: "Visibility expired" }, unpublishAt: minutes(-1) }), "gone"],
    ["an archived item", () => ({ live: { title: "Visibility archived" }, status: "ARCHIVED" as const }), "gone"],
  ])("never shows %s", async (_label, spec, answer) => {
    const item = await createItem(h.db, { authorId, ...spec() });
    const caller = await h.anonymous();
    const article = caller.content.article({ section: "news", slug: item.slug });
    if (answer === "gone") await expect(article).resolves.toMatchObject({ kind: "gone" });
    else await expect(article).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seen = await publicSlugs();
    for (const where of Object.values(seen)) expect(where).not.toContain(item.slug);
  });

  it("shows a scheduled item as soon as its time has passed, before any job records it", async () => {
    const item = await createItem(h.db, { authorId, scheduled: { title: "Visibility due", publishAt: minutes(-1) } });
    const caller = await h.anonymous();
    const article = await caller.content.article({ section: "news", slug: item.slug });
    expect(article.kind === "item" && article.item.title).toBe("Visibility due");
  });

  it("keeps showing the live revision while a newer one is in review", async () => {
    const item = await createItem(h.db, {
      authorId,
      live: { title: "Visibility live text" },
      pending: { title: "Visibility pending text", body: "secret pending words" },
    });
    const caller = await h.anonymous();
    const article = await caller.content.article({ section: "news", slug: item.slug });
    expect(article.kind === "item" && article.item.title).toBe("Visibility live text");
    const search = await caller.content.search({ q: "secret pending words" });
    expect(search.hits.map((hit) => hit.slug)).not.toContain(item.slug);
  });

  it("switches to a scheduled revision of a live item only when its time comes", async () => {
    const later = await createItem(h.db, {
      authorId,
      live: { title: "Visibility old version" },
      scheduled: { title: "Visibility new version", publishAt: minutes(30) },
    });
    const due = await createItem(h.db, {
      authorId,
      live: { title: "Visibility old version" },
      scheduled: { title: "Visibility new version", publishAt: minutes(-1) },
    });
    const caller = await h.anonymous();
    const a = await caller.content.article({ section: "news", slug: later.slug });
    const b = await caller.content.article({ section: "news", slug: due.slug });
    expect(a.kind === "item" && a.item.title).toBe("Visibility old version");
    expect(b.kind === "item" && b.item.title).toBe("Visibility new version");
  });

  it("serves an item only under its own kind's section", async () => {
    const item = await createItem(h.db, { authorId, kind: "BLOG", live: { title: "Visibility blog" } });
    const caller = await h.anonymous();
    await expect(caller.content.article({ section: "news", slug: item.slug })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.content.article({ section: "blogs", slug: item.slug })).resolves.toMatchObject({
      kind: "item",
    });
  });

  it("redirects an old slug to the item's current address", async () => {
    const item = await createItem(h.db, { authorId, live: { title: "Visibility renamed" } });
    await h.db.slugRedirect.create({ data: { fromSlug: `${item.slug}-old`, itemId: item.id } });
    const caller = await h.anonymous();
    expect(await caller.content.article({ section: "news", slug: `${item.slug}-old` })).toEqual({
      kind: "redirect",
      location: `/news/${item.slug}`,
    });
  });

  it("answers a page beyond the last or an unknown priority with NOT_FOUND, not an error", async () => {
    const caller = await h.anonymous();
    await expect(caller.content.list({ section: "news", page: 9999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.content.list({ section: "news", workstream: "no-such-priority" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.content.list({ section: "news", page: -3 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("ignores a year filter that is not a year, as search does", async () => {
    const caller = await h.anonymous();
    const all = await caller.content.list({ section: "news" });
    for (const year of [1899, "nonsense", "2025.5"]) {
      const listed = await caller.content.list({ section: "news", year });
      expect({ year: listed.year, total: listed.total }).toEqual({ year: null, total: all.total });
    }
  });

  it("offers as years only those in which the section has something published", async () => {
    await createItem(h.db, {
      kind: "PRESS_RELEASE",
      authorId,
      live: { title: "Visibility years", publishedAt: new Date("2003-06-01T09:00:00Z") },
    });
    const caller = await h.anonymous();
    expect(await caller.content.years({ section: "press-releases" })).toContain(2003);
    expect(await caller.content.years({ section: "all" })).toContain(2003);
    expect(await caller.content.years({ section: "news" })).not.toContain(2003);
  });

  it("never returns a commenter's email, IP hash, moderation note or an unapproved comment", async () => {
    const item = await createItem(h.db, { authorId, live: { title: "Visibility comments" } });
    const approved = await createComment(h.db, {
      itemId: item.id,
      status: "APPROVED",
      email: "shown-never@example.org",
    });
    await createComment(h.db, { itemId: item.id, parentId: approved.id, status: "APPROVED", body: "A reply" });
    for (const status of ["PENDING", "REJECTED", "SPAM"] as const) {
      await createComment(h.db, { itemId: item.id, status, body: `hidden ${status}` });
    }
    const caller = await h.anonymous();
    const article = await caller.content.article({ section: "news", slug: item.slug });
    const json = JSON.stringify(article);
    expect(json).not.toContain("shown-never@example.org");
    expect(json).not.toContain("0123456789abcdef");
    expect(json).not.toContain("internal note");
    expect(json).not.toMatch(/hidden (PENDING|REJECTED|SPAM)/);
    expect(article.kind === "item" && article.commentCount).toBe(2);
    expect(article.kind === "item" && article.comments[0]?.replies[0]?.body).toBe("A reply");
  });
});
