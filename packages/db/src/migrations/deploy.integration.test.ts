import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/index.ts";
// @ts-expect-error plain JS module shared with the migration CLI
import { deployMigrations, migrationsDir, pgFactory } from "../../tools/schema-engine.mjs";

describe("deploying migrations", () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "observatory-migrations-"));
    fs.cpSync(migrationsDir, dir, { recursive: true });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const addMigration = (name: string, sql: string) => {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  };
  const tableExists = async (name: string) =>
    (await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_tables WHERE tablename = ${name}`)[0]?.n === 1n;

  it("has nothing to apply on a migrated database", async () => {
    expect(await deployMigrations(await pgFactory(t.url), dir)).toEqual([]);
  });

  it("reports a failing migration and leaves the database as it was", async () => {
    addMigration("29990101000000_broken", 'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n');
    await expect(deployMigrations(await pgFactory(t.url), dir)).rejects.toThrow(/no_such_table/);
    expect(await tableExists("half_done")).toBe(false);
    const [row] = await t.db.$queryRaw<{ rolled_back_at: Date | null }[]>`
      SELECT rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`;
    expect(row?.rolled_back_at).toBeInstanceOf(Date);
  });

  it("applies the corrected migration on the next deploy", async () => {
    addMigration("29990101000000_broken", 'CREATE TABLE "half_done" (id int);\n');
    expect(await deployMigrations(await pgFactory(t.url), dir)).toEqual(["29990101000000_broken"]);
    expect(await tableExists("half_done")).toBe(true);
  });
});
