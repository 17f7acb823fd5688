import { describe, expect, it } from "vitest";
import { useHarness } from "./testing/harness.ts";

describe("what a failed call tells the caller", () => {
  const h = useHarness();

  it("an id that refers to no row is not found, not a failure", async () => {
    const { api } = await h.signedIn("AUTHOR");
    await expect(api.editorial.presence({ itemId: "no-such-item" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.editorial.item({ itemId: "no-such-item" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
