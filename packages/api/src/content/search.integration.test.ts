import { createItem, createUser } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

describe("content.search", () => {
  const h = useHarness();

  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
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
      live: { title: "Maternity care", body: "Midwives and neonatal units." },
    });
    await createItem(h.db, {
      authorId,
      slug: "draft-hit",
      pending: { title: "Pulse oximetry draft" },
      status: "DRAFT",
    });
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
    expect(bodyHit?.snippet.map((s) => s.text).join("")).not.toContain("<b>");
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
});
