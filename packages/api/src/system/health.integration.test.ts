import { createDb, describeDbError } from "@observatory/db";
import { freePort } from "@observatory/db/embedded";
import { describe, expect, it } from "vitest";
import { createCaller } from "../caller.ts";
import { createContext } from "../context.ts";
import { useHarness } from "../testing/harness.ts";

describe("system.health", () => {
  const h = useHarness();

  it("reports ok with a database round trip", async () => {
    const caller = await h.anonymous();
    const health = await caller.system.health();
    expect(health.status).toBe("ok");
    expect(health.database).toMatchObject({ status: "ok" });
  });

  it("reports the database unavailable, in words and without the driver's codes, when it cannot be reached", async () => {
    const db = createDb(`postgresql://postgres@127.0.0.1:${await freePort()}/postgres`, 1);
    try {
      const caller = createCaller(
        await createContext({ request: new Request("http://localhost/"), clientIp: null, db }),
      );
      const health = await caller.system.health();
      expect(health.status).toBe("unavailable");
      expect(health.database).toMatchObject({ status: "unavailable" });
      expect(health.database).toEqual({ status: "unavailable", message: "The database cannot be reached." });
      expect(JSON.stringify(health)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|P\d{4}/);
      expect(JSON.stringify(health)).not.toMatch(/\n\s+at /);
    } finally {
      await db.$disconnect();
    }
  });

  it("describes driver errors in one line", () => {
    const error = Object.assign(new Error("connect failed"), {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
    });
    expect(describeDbError(error)).toBe("connect failed: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1");
  });
});
