import { describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

describe("system.health", () => {
  const h = useHarness();

  it("reports ok with a database round trip", async () => {
    const caller = await h.anonymous();
    const health = await caller.system.health();
    expect(health.status).toBe("ok");
    expect(health.database).toMatchObject({ status: "ok" });
  });
});
