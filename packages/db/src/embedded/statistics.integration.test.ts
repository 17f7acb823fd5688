import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "./pglite.ts";
import { type EmbeddedServer, freePort, serveDatabase } from "./server.ts";
import { analyzeChangedTables, keepStatistics } from "./statistics.ts";

// The embedded database has no autovacuum: the serving process analyzes tables as it would.
describe("the embedded database's planner statistics", () => {
  let server: EmbeddedServer;
  let client: pg.Client;

  beforeAll(async () => {
    server = await serveDatabase(await openPglite(), await freePort());
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query("CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL)");
    await client.query("CREATE TABLE quiet (id serial PRIMARY KEY)");
  });

  afterAll(async () => {
    await client?.end();
    await server?.stop();
  });

  const estimatedRows = async (table: string) =>
    Number((await client.query(`SELECT reltuples FROM pg_class WHERE relname = $1`, [table])).rows[0].reltuples);

  it("analyzes a table once more than 50 rows and a tenth of it have changed, and not again until then", async () => {
    await client.query("INSERT INTO note (body) SELECT 'note ' || n FROM generate_series(1, 40) n");
    expect(await analyzeChangedTables(server.url)).toEqual([]);
    expect(await estimatedRows("note")).toBe(-1); // never analyzed: the planner guesses

    await client.query("INSERT INTO note (body) SELECT 'note ' || n FROM generate_series(41, 1000) n");
    expect(await analyzeChangedTables(server.url)).toEqual(["public.note"]);
    expect(await estimatedRows("note")).toBe(1000);
    expect(await analyzeChangedTables(server.url)).toEqual([]);

    // 50 + 100 rows is the next threshold for a table of 1,000.
    await client.query("INSERT INTO note (body) SELECT 'note ' || n FROM generate_series(1, 140) n");
    expect(await analyzeChangedTables(server.url)).toEqual([]);
    await client.query("DELETE FROM note WHERE id <= 20");
    expect(await analyzeChangedTables(server.url)).toEqual(["public.note"]);
    expect(await estimatedRows("note")).toBe(1120);
  });

  it("waits for a transaction another connection holds open, as a server's autovacuum would", async () => {
    await client.query("BEGIN");
    await client.query("INSERT INTO note (body) SELECT 'more ' || n FROM generate_series(1, 500) n");
    let finished = false;
    const analyzing = analyzeChangedTables(server.url).then((tables) => {
      finished = true;
      return tables;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(finished).toBe(false);
    await client.query("COMMIT");
    expect(await analyzing).toEqual(["public.note"]);
  });

  it("analyzes every table when it starts, however few rows changed, then only what changes", async () => {
    await client.query("INSERT INTO quiet SELECT FROM generate_series(1, 10)");
    expect(await estimatedRows("quiet")).toBe(-1);
    const stop = keepStatistics(server.url, { firstMs: 0, everyMs: 50 });
    try {
      await expect.poll(() => estimatedRows("quiet"), { timeout: 10_000 }).toBe(10);
      await client.query("INSERT INTO quiet SELECT FROM generate_series(1, 100)");
      await expect.poll(() => estimatedRows("quiet"), { timeout: 10_000 }).toBe(110);
    } finally {
      await stop();
    }
  });
});
