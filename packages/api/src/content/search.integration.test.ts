import { documentFromMarkdown, documentText } from "@observatory/content";
import { refreshSearchIndex } from "@observatory/db";
import { createItem, createUser, createWorkstream } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";
import { editDistance } from "./search.ts";

describe("content.search", () => {
  const h = useHarness();

  let maternityPriority: string;

  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    maternityPriority = (
      await createWorkstream(h.db, { slug: "maternal-health", title: "Maternal and neonatal health" })
    ).id;
    await createItem(h.db, {
      authorId,
      slug: "in-title",
      live: { title: "Pulse oximetry and skin tone", body: "A device review." },
    });
    await createItem(h.db, {
      authorId,
      slug: "in-body",
      live: {
        title: "Equipment review",
        body: "Among other things, pulse oximetry readings were checked <b>carefully</b>.",
      },
    });
    await createItem(h.db, {
      authorId,
      slug: "unrelated",
      live: {
        title: "Maternity care",
        body: "Midwives and neonatal units.",
        workstreamIds: [maternityPriority],
        publishedAt: new Date("2025-03-01T12:00:00Z"),
      },
    });
    await createItem(h.db, {
      authorId,
      kind: "BLOG",
      slug: "sickle-cell",
      live: {
        title: "Sickle cell care in emergency departments",
        body: "People with sickle cell disease wait too long for pain relief; maternity units see it too.",
        publishedAt: new Date("2026-02-01T12:00:00Z"),
      },
    });
    await createItem(h.db, {
      authorId,
      slug: "draft-hit",
      pending: { title: "Pulse oximetry draft", body: "Thalassaemia screening plans." },
      status: "DRAFT",
    });
  });

  it("quotes the reader's text in whole sentences from the best one: no link addresses, no list markers", async () => {
    const item = await createItem(h.db, {
      authorId: (await createUser(h.db, "AUTHOR")).id,
      live: { title: "Our plans", summary: "What we will do next." },
    });
    const document = documentFromMarkdown(
      [
        "## Fair technology and innovation",
        "We will work with partners. [Read more about this priority](/priorities/technology-innovation).",
        "- check every wristband scanner\n- train staff",
        "Every wristband scanner must read all skin tones. We will report each year.",
      ].join("\n\n"),
    );
    await h.db.revision.update({
      where: { id: item.liveId ?? "" },
      data: { document, bodyText: documentText(document) },
    });
    await refreshSearchIndex(h.db, item.liveId ?? "");
    const caller = await h.anonymous();
    const [hit] = (await caller.content.search({ q: "wristband scanners" })).hits;
    const text = hit?.snippet.map((s) => s.text).join("");
    expect(text).toBe(
      "… check every wristband scanner – train staff – Every wristband scanner must read all skin tones. We will report each year.",
    );
    expect(hit?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual([
      "wristband",
      "scanner",
      "wristband",
      "scanner",
    ]);
  });

  it("ranks a title match above a body match and leaves out what is not published", async () => {
    const caller = await h.anonymous();
    const result = await caller.content.search({ q: "pulse oximetry" });
    expect(result.hits.map((hit) => hit.slug)).toEqual(["in-title", "in-body"]);
    expect(result.total).toBe(2);
  });

  it("highlights the matched words as plain-text segments", async () => {
    const caller = await h.anonymous();
    const [, bodyHit] = (await caller.content.search({ q: "oximetry" })).hits;
    expect(bodyHit?.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain("oximetry");
    // What the reader sees on the page, as text: the angle brackets typed in the body stay characters.
    expect(bodyHit?.snippet.map((s) => s.text).join("")).toContain("checked <b>carefully</b>.");
  });

  it("handles an empty, punctuation-only or absurdly long query without an error", async () => {
    const caller = await h.anonymous();
    expect((await caller.content.search({ q: "   " })).hits).toEqual([]);
    expect((await caller.content.search({ q: "&&&|||!!!((" })).hits).toEqual([]);
    expect((await caller.content.search({ q: `"unclosed ${"word ".repeat(150)}` })).hits).toEqual([]);
  });

  it("supports quoted phrases and exclusions", async () => {
    const caller = await h.anonymous();
    expect((await caller.content.search({ q: '"pulse oximetry" -equipment' })).hits.map((hit) => hit.slug)).toEqual([
      "in-title",
    ]);
  });

  it("finds what a misspelt query meant and says what it searched for instead", async () => {
    const caller = await h.anonymous();
    const maternity = await caller.content.search({ q: "maternaty" });
    expect(maternity).toMatchObject({ q: "maternaty", searchedFor: "maternity", suggestion: null });
    expect(maternity.hits.map((hit) => hit.slug).sort()).toEqual(["sickle-cell", "unrelated"]);

    const sickle = await caller.content.search({ q: "Sickel cell" });
    expect(sickle.searchedFor).toBe("sickle cell");
    expect(sickle.hits.map((hit) => hit.slug)).toEqual(["sickle-cell"]);
  });

  it("offers a spelling beside results found as typed, and leaves known words and their forms alone", async () => {
    const caller = await h.anonymous();
    // "pulse" alone finds pages; "oxymetry" is one letter off a word public pages use.
    const mixed = await caller.content.search({ q: "pulse or oxymetry" });
    expect(mixed).toMatchObject({ searchedFor: "pulse or oxymetry", suggestion: "pulse or oximetry", total: 2 });
    // A word some page uses in another form ("reviewed" for "review") is not corrected.
    expect((await caller.content.search({ q: "reviewed" })).suggestion).toBeNull();
    expect((await caller.content.search({ q: "oximetry" })).suggestion).toBeNull();
    // Nothing close enough: no suggestion, no results.
    expect(await caller.content.search({ q: "zzyzx" })).toMatchObject({ suggestion: null, total: 0 });
  });

  it("never suggests a word that only an unpublished draft uses", async () => {
    const caller = await h.anonymous();
    const result = await caller.content.search({ q: "thalasaemia" });
    expect(result).toMatchObject({ suggestion: null, searchedFor: "thalasaemia", total: 0 });
  });

  it("filters by kind, priority and year, and ignores filter values that name nothing", async () => {
    const caller = await h.anonymous();
    const slugs = async (input: { kinds?: string[]; priority?: string; year?: number }) =>
      (await caller.content.search({ q: "units", ...input })).hits.map((hit) => hit.slug).sort();
    expect(await slugs({})).toEqual(["sickle-cell", "unrelated"]);
    expect(await slugs({ kinds: ["blogs"] })).toEqual(["sickle-cell"]);
    expect(await slugs({ kinds: ["news", "blogs"] })).toEqual(["sickle-cell", "unrelated"]);
    expect(await slugs({ priority: "maternal-health" })).toEqual(["unrelated"]);
    expect(await slugs({ year: 2025 })).toEqual(["unrelated"]);
    expect(await slugs({ kinds: ["nonsense"], priority: "no-such-priority", year: 1901 })).toEqual([
      "sickle-cell",
      "unrelated",
    ]);
    const result = await caller.content.search({ q: "units", kinds: ["blogs"], year: 2026 });
    expect(result.filters).toEqual({ kinds: ["blogs"], priority: "", year: 2026 });
    // Pages live at the site root, but the filter still names them, so the choice is kept.
    expect((await caller.content.search({ q: "units", kinds: ["pages"] })).filters.kinds).toEqual(["pages"]);
    expect(result.options.years).toEqual(expect.arrayContaining([2026, 2025]));
    expect(result.options.priorities).toContainEqual({
      value: "maternal-health",
      label: "Maternal and neonatal health",
    });
  });

  it("says how many results there are on a page past the last", async () => {
    const caller = await h.anonymous();
    expect(await caller.content.search({ q: "units", page: 5 })).toMatchObject({ hits: [], total: 2, pageCount: 1 });
  });
});

describe("editDistance", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("sickel", "sickle")).toBe(1);
    expect(editDistance("sickel", "sick")).toBe(2);
    expect(editDistance("maternaty", "maternity")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
