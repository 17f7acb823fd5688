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

  it("prepares each statement once per connection and plans from it again (decision 035), unless told not to", async () => {
    const plannedAgain = async (prepared: boolean) => {
      const db = createDb(t.url, 1, { prepared });
      try {
        for (const n of [1, 2, 3])
          expect(await db.$queryRaw`SELECT ${n}::int + 40 AS answer`).toEqual([{ answer: n + 40 }]);
        const rows = await db.$queryRaw<{ uses: bigint }[]>`
          SELECT generic_plans + custom_plans AS uses FROM pg_prepared_statements
          WHERE statement LIKE '%+ 40 AS answer%' AND statement NOT LIKE '%pg_prepared%'`;
        return rows.map((r) => Number(r.uses));
      } finally {
        await db.$disconnect();
      }
    };
    expect(await plannedAgain(true)).toEqual([3]);
    // Unnamed: nothing is kept (on the embedded database, the named run's statement is the session's).
    const unnamed = createDb(t.url, 1, { prepared: false });
    try {
      const before = await unnamed.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE '%+ 41 AS other%' AND statement NOT LIKE '%pg_prepared%'`;
      await unnamed.$queryRaw`SELECT ${1}::int + 41 AS other`;
      const after = await unnamed.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE '%+ 41 AS other%' AND statement NOT LIKE '%pg_prepared%'`;
      expect([Number(before[0]?.n), Number(after[0]?.n)]).toEqual([0, 0]);
    } finally {
      await unnamed.$disconnect();
    }
  });

  it("plans each statement once for all values when asked (decision 036), and only that client", async () => {
    const generic = createDb(t.url, 1, { genericPlans: true });
    const plain = createDb(t.url, 1);
    // Each client's statement has its own text, so its own entry in pg_prepared_statements.
    const run = {
      generic: (n: number) => generic.$queryRaw`SELECT ${n}::int + 52 AS answer`,
      plain: (n: number) => plain.$queryRaw`SELECT ${n}::int + 53 AS answer`,
    };
    const plans = async (db: typeof plain, which: keyof typeof run) => {
      for (const n of [1, 2, 3]) expect(await run[which](n)).toHaveLength(1);
      const [row] = await db.$queryRaw<{ generic: bigint; custom: bigint }[]>`
        SELECT generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements
        WHERE statement LIKE ${`%+ ${which === "generic" ? 52 : 53} AS answer%`} AND statement NOT LIKE '%pg_prepared%'`;
      return [Number(row?.generic), Number(row?.custom)];
    };
    try {
      expect(await plans(generic, "generic")).toEqual([3, 0]);
      expect(await plans(plain, "plain")).toEqual([0, 3]);
      const mode = (db: typeof plain) => db.$queryRaw<{ plan_cache_mode: string }[]>`SHOW plan_cache_mode`;
      expect(await mode(generic)).toEqual([{ plan_cache_mode: "force_generic_plan" }]);
      expect(await mode(plain)).toEqual([{ plan_cache_mode: "auto" }]);
    } finally {
      await generic.$disconnect();
      await plain.$disconnect();
    }
  });
});
