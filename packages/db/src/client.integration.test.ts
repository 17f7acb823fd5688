import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, poolOf } from "./client.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

describe("createDb", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it("shares its pool with poolOf, and survives a connection failing while idle before Prisma connects", async () => {
    const db = createDb(t.url, 2);
    const pool = poolOf(db);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const client = await pool.connect();
      client.release();
      // The idle connection's socket fails (a database restart, a dropped network).
      const failed = new Promise((resolve) => pool.once("error", resolve));
      (client as pg.PoolClient & { connection: { stream: { destroy: (e: Error) => void } } }).connection.stream.destroy(
        new Error("connection reset"),
      );
      await failed;
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("An idle database connection failed"));
      // The pool opens a new connection, and Prisma uses the same pool.
      expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      expect(await db.$queryRaw`SELECT 2 AS two`).toEqual([{ two: 2 }]);
    } finally {
      warn.mockRestore();
      await db.$disconnect();
    }
  });
});
