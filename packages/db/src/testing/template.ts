import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openPglite } from "../embedded/pglite.ts";
import pg from "pg";
import { databaseOn } from "../client.ts";
import { repoRoot } from "../env.ts";
// @ts-expect-error plain JS module shared with the migration CLI
import { deployMigrations, migrationsDir, pgFactory, pgliteFactory } from "../../tools/schema-engine.mjs";

// Every test file gets its own database copied from one migrated template, built once per set of
// migrations: a PGlite data-folder dump (embedded) or a template database (PostgreSQL server).

const cacheDir = path.join(repoRoot, ".cache");

export function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const dir of fs.readdirSync(migrationsDir).sort()) {
    const file = path.join(migrationsDir, dir, "migration.sql");
    if (fs.existsSync(file)) hash.update(dir).update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 12);
}

export function templateDumpPath(): string {
  return path.join(cacheDir, `pglite-template-${migrationsHash()}.tar`);
}

export function templateDatabaseName(): string {
  return `observatory_template_${migrationsHash()}`;
}

async function buildPgliteTemplate(): Promise<void> {
  const file = templateDumpPath();
  if (fs.existsSync(file)) return;
  const db = await openPglite();
  await deployMigrations(await pgliteFactory(db));
  const dump = await db.dumpDataDir("none");
  await db.close();
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
}

async function buildServerTemplate(databaseUrl: string): Promise<void> {
  const name = templateDatabaseName();
  const admin = new pg.Client({ connectionString: databaseOn(databaseUrl, "postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
    await admin.query(`CREATE DATABASE "${building}"`);
    // deployMigrations ends its connections: a database being renamed (and a template) must have none.
    await deployMigrations(await pgFactory(databaseOn(databaseUrl, building)));
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Builds the migrated template for this run's database kind, if it is not there yet. */
export async function ensureTemplate(databaseUrl = process.env.DATABASE_URL): Promise<void> {
  if (databaseUrl) await buildServerTemplate(databaseUrl);
  else await buildPgliteTemplate();
}
