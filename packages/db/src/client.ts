import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { ensureEmbeddedDatabase } from "./embedded/server.ts";
import { dbEnv } from "./env.ts";
import { type Prisma, PrismaClient } from "./generated/prisma/client.ts";
import { statementNames } from "./statement-names.ts";

export type Db = PrismaClient;
/** A client, or the client of an interactive transaction (`db.$transaction(async (tx) => ...)`). */
export type DbOrTransaction = Db | Prisma.TransactionClient;

/** The database to use: `DATABASE_URL` if set, otherwise the embedded one (served on demand). */
export async function resolveDatabaseUrl(): Promise<string> {
  const env = dbEnv();
  return env.DATABASE_URL ?? ensureEmbeddedDatabase(env.EMBEDDED_DB_DIR, env.EMBEDDED_DB_PORT);
}

/** Each client's pool, and the names its statements are prepared under (none when turned off). */
const pools = new WeakMap<Db, { pool: pg.Pool; names: ((query: { sql: string }) => string) | null }>();

export type DbOptions = {
  /** Named (prepared) statements (decision 035); off behind a pooler that cannot keep them. */
  prepared?: boolean;
  /**
   * Every statement planned once for all values (`plan_cache_mode = force_generic_plan`), not again
   * for each execution's values: for a workload of fixed statements whose best plan does not depend
   * on the values, as the public site's (decision 036).
   */
  genericPlans?: boolean;
};

/** A Prisma client over a pool of `pg` connections (PostgreSQL server or the embedded database). */
export function createDb(
  url: string,
  poolSize = dbEnv().DB_POOL_SIZE,
  { prepared = dbEnv().DB_PREPARED_STATEMENTS, genericPlans = false }: DbOptions = {},
): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A session setting asked for when each connection starts (with PGOPTIONS's, which `options`
    // replaces). Only for named statements: an unnamed one is planned at each execution anyway.
    ...(genericPlans && prepared
      ? { options: [process.env.PGOPTIONS, "-c plan_cache_mode=force_generic_plan"].filter(Boolean).join(" ") }
      : {}),
  });
  // The pool drops a connection that fails while idle; without a listener the failure would end the
  // process (the adapter adds its own only once Prisma first connects, and poolOf may be first).
  pool.on("error", (error) => console.warn(`An idle database connection failed: ${describeDbError(error)}`));
  const names = prepared ? statementNames() : null;
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    ...(names ? { statementNameGenerator: names } : {}),
  });
  // A transaction waits for a free pooled connection rather than failing after Prisma's default 2 s
  // (under load, and on the embedded database, which runs one statement at a time).
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
  pools.set(db, { pool, names });
  return db;
}

/**
 * The connection pool under a client from createDb, for the few statements on a hot path where
 * Prisma's own work per query costs more than the query (a comment submission under a flood).
 */
export function poolOf(db: Db): pg.Pool {
  return partsOf(db).pool;
}

/** The client itself when it was made by createDb, so a statement can run on its pool; null for a transaction's client. */
export function pooledClient(db: DbOrTransaction): Db | null {
  return pools.has(db as Db) ? (db as Db) : null;
}

function partsOf(db: Db) {
  const parts = pools.get(db);
  if (!parts) throw new Error("this client was not made by createDb, so its pool is not known");
  return parts;
}

/**
 * The rows of a statement written with `Prisma.sql`, run on the client's pool under the name
 * Prisma's adapter would prepare it under: for the public pages' reads, where Prisma's own work per
 * statement cost more than the statement (decision 036). Values are as `pg` reads them: timestamptz
 * as Date, json as parsed, text arrays as arrays; int8 and numeric as strings (where `$queryRaw`
 * gives bigint and Decimal).
 */
export async function queryRows<Row extends pg.QueryResultRow>(db: Db, query: Prisma.Sql): Promise<Row[]> {
  const { pool, names } = partsOf(db);
  const text = query.text;
  const name = names?.({ sql: text }) || undefined;
  return (await pool.query<Row>({ name, text, values: query.values })).rows;
}

let shared: Promise<Db> | undefined;
let sharedOptions: DbOptions = {};

/** The process-wide client the apps use. */
export function getDb(): Promise<Db> {
  shared ??= resolveDatabaseUrl().then((url) => createDb(url, undefined, sharedOptions));
  return shared;
}

/**
 * Options for the process-wide client, set by an app when its server code loads, before its first
 * use of getDb (a client already made keeps its own: the development server loads modules again).
 */
export function configureSharedDb(options: DbOptions): void {
  sharedOptions = options;
}

/** `base` (a server URL) pointed at the database `name` on the same server. */
export function databaseOn(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** One round trip; throws DatabaseUnavailableError with a readable reason when it fails. */
export async function pingDatabase(db: Db, timeoutMs = 3_000): Promise<{ latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    throw new DatabaseUnavailableError(`The database cannot be reached: ${describeDbError(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Turns driver errors (connection refused, unknown database ...) into one readable line. */
export function describeDbError(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  const parts: string[] = [];
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === "string" && /^[A-Z]/.test(e.code) && !parts.includes(e.code)) parts.push(e.code);
    if (typeof e.message === "string" && e.message && !parts.some((p) => p.includes(e.message as string))) {
      parts.push(e.message.split("\n")[0] ?? e.message);
    }
    current = e.cause;
  }
  return parts.join(": ") || String(error);
}
