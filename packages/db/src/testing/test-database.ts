import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { openPglite } from "../embedded/pglite.ts";
import pg from "pg";
import { createDb, type Db, databaseOn } from "../client.ts";
import { freePort, serveDatabase } from "../embedded/server.ts";
import { templateDatabaseName, templateDumpPath } from "./template.ts";

export type TestDatabase = { db: Db; url: string; close: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite served on its own port (the
 * same wire-protocol path the apps use), or a copy of the template on the PostgreSQL server.
 */
export async function createTestDatabase(databaseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (databaseUrl) {
    const name = `observatory_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: databaseOn(databaseUrl, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`);
    const url = databaseOn(databaseUrl, name);
    const db = createDb(url, 6);
    return {
      db,
      url,
      close: async () => {
        await db.$disconnect();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([fs.readFileSync(templateDumpPath())]);
  const lite = await openPglite(undefined, { loadDataDir: dump });
  const server = await serveDatabase(lite, await freePort());
  const db = createDb(server.url, 6);
  return {
    db,
    url: server.url,
    close: async () => {
      await db.$disconnect();
      await server.stop();
    },
  };
}
