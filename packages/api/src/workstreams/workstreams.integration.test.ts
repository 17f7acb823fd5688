import { bodyOf } from "@observatory/db/testing";
import { describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

describe("workstreams", () => {
  const h = useHarness();

  it("lists priorities in their set order", async () => {
    for (const [position, slug] of [
      [2, "second"],
      [1, "first"],
    ] as const) {
      await h.db.workstream.create({
        data: { slug, title: slug, summary: "s", description: bodyOf("d"), position },
      });
    }
    const caller = await h.anonymous();
    expect((await caller.workstreams.list()).map((w) => w.slug)).toEqual(["first", "second"]);
  });

  it("answers NOT_FOUND for an unknown priority", async () => {
    const caller = await h.anonymous();
    await expect(caller.workstreams.bySlug({ slug: "no-such-priority" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an empty slug as BAD_REQUEST", async () => {
    const caller = await h.anonymous();
    await expect(caller.workstreams.bySlug({ slug: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
