// Starts the whole product: the database (embedded unless DATABASE_URL is set), migrations, demo
// content, then both apps. Used by `pnpm start` (after the build) and by the e2e suite.
//   --fresh   start from an empty database (a new embedded data folder, or a recreated database)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  createDb,
  databaseOn,
  dbEnv,
  describeDbError,
  EnvError,
  parseEnv,
  pingDatabase,
  repoRoot,
  convertMarkdownBodies,
} from "@observatory/db";
import { ensureEmbeddedDatabase, stopEmbeddedDatabase } from "@observatory/db/embedded";
import { demoUsers, seed } from "@observatory/demo";
import { configureApiFromEnv } from "@observatory/server/configure";
import { appNodeFlags } from "@observatory/server/node-flags";
import { type Supervisor, supervise } from "@observatory/server/supervisor";
import pg from "pg";
import { z } from "zod";
// @ts-expect-error plain JS module shared with the migration CLI
import { deployMigrations, pgFactory } from "../packages/db/tools/schema-engine.mjs";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const fresh = process.argv.includes("--fresh");

/** A stable development secret kept beside the embedded data, unless APP_SECRET is given. */
function appSecret(given: string | undefined, dataDir: string): string {
  if (given) return given;
  const file = path.join(path.dirname(dataDir), "app-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function recreateServerDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: databaseOn(url, "postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  await client.end();
}

async function prepareDatabase(): Promise<string> {
  const env = dbEnv();
  if (env.DATABASE_URL) {
    if (fresh) await recreateServerDatabase(env.DATABASE_URL);
    return env.DATABASE_URL;
  }
  if (fresh) fs.rmSync(env.EMBEDDED_DB_DIR, { recursive: true, force: true });
  return ensureEmbeddedDatabase(env.EMBEDDED_DB_DIR, env.EMBEDDED_DB_PORT);
}

// Each app in its own process, started again if it stops (the other keeps serving), with the Node
// flags every app is run with.
function startApps(env: NodeJS.ProcessEnv): Supervisor {
  return supervise(
    ["web", "admin"].map((name) => ({
      name,
      command: process.execPath,
      args: [...appNodeFlags, "server.mjs"],
      cwd: path.join(repoRoot, "apps", name),
      env,
    })),
  );
}

let apps: Supervisor | null = null;
async function stop(): Promise<void> {
  await apps?.stop();
  await stopEmbeddedDatabase();
  process.exit(0);
}

try {
  const settings = parseEnv(
    z.object({
      WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
      ADMIN_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
      APP_SECRET: z.string().min(32, "must be 32 or more characters").optional(),
      PUBLIC_SITE_URL: z.url().optional(),
      ADMIN_SITE_URL: z.url().optional(),
    }),
    process.env,
  );
  const env = dbEnv();
  const url = await prepareDatabase();
  const db = createDb(url, 2);
  await pingDatabase(db);
  const applied: string[] = await deployMigrations(await pgFactory(url));
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const converted = await convertMarkdownBodies(db);
  if (converted.revisions + converted.workstreams > 0)
    console.log(
      `Converted ${converted.revisions} Markdown bodies and ${converted.workstreams} descriptions to documents.`,
    );
  const webUrl = settings.PUBLIC_SITE_URL ?? `http://localhost:${settings.WEB_PORT}`;
  const adminUrl = settings.ADMIN_SITE_URL ?? `http://localhost:${settings.ADMIN_PORT}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    APP_SECRET: appSecret(settings.APP_SECRET, env.EMBEDDED_DB_DIR),
    PUBLIC_SITE_URL: webUrl,
    ADMIN_SITE_URL: adminUrl,
    WEB_PORT: String(settings.WEB_PORT),
    ADMIN_PORT: String(settings.ADMIN_PORT),
    EMBEDDED_DB_DIR: env.EMBEDDED_DB_DIR,
    EMBEDDED_DB_PORT: String(env.EMBEDDED_DB_PORT),
  };
  // The seed puts the demo pictures in the media library: the API stores them as the apps will find them.
  configureApiFromEnv(appEnv);
  const summary = await seed(db);
  await db.$disconnect();
  console.log(`Demo content ready (${summary.items} items, ${summary.comments} comments).`);
  apps = startApps(appEnv);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  console.log(`
  Public site:  ${webUrl}
  Admin:        ${adminUrl}
  Database:     ${env.DATABASE_URL ? "PostgreSQL server (DATABASE_URL)" : `embedded, data in ${path.relative(process.cwd(), env.EMBEDDED_DB_DIR) || "."}`}

  Demo sign-ins (development only):
${demoUsers.map((u) => `    ${u.role.padEnd(10)} ${u.email.padEnd(28)} ${u.password}`).join("\n")}

  Press Ctrl+C to stop.
`);
} catch (error) {
  fail(error instanceof EnvError ? error.message : `Start-up failed: ${describeDbError(error)}`);
}
