import pg from "pg";

// A PostgreSQL server's autovacuum keeps the planner's statistics current: it analyzes a table once
// enough of its rows have changed. PGlite has no such background process, so without this the
// embedded database never has statistics, and the planner takes every table for a few rows: the
// article's "related items" query, for one, walked every item with nested index scans (decision 031).
//
// The process that serves the embedded database asks it, as an ordinary client (so it waits its turn
// behind the apps' transactions), which tables have changed by autovacuum's default measure (50 rows
// plus a tenth of the table since the last ANALYZE) and analyzes those.

/** The tables autovacuum would analyze now: its default threshold and scale factor, of the rows last counted. */
const DUE = `SELECT format('%I.%I', s.schemaname, s.relname) AS name
  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) ORDER BY s.relname`;

/** Analyzes the tables of the database at `url` that have changed enough; returns their names. */
export async function analyzeChangedTables(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    // Changes are counted by each session and published every second or so: publish them now.
    await client.query("SELECT pg_stat_force_next_flush()");
    const { rows } = await client.query<{ name: string }>(DUE);
    for (const { name } of rows) await client.query(`ANALYZE ${name}`);
    return rows.map((row) => row.name);
  });
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // A connection lost between statements is reported by the next one, which rejects; without a
  // listener the client's own "error" event would end the process.
  client.on("error", () => {});
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * Analyzes the whole database `firstMs` after starting (migrations and demo content are written at
 * start-up, and the counts of changes do not outlive a process that stopped without closing the
 * database), then checks every `everyMs` until the returned function is called; it resolves once a
 * check under way has finished, so that the database can be closed with no connection of ours on
 * it. A failed check is reported and tried again later.
 */
export function keepStatistics(url: string, { firstMs = 10_000, everyMs = 60_000 } = {}): () => Promise<void> {
  let timer: NodeJS.Timeout;
  let stopped = false;
  let first = true;
  let running: Promise<void> = Promise.resolve();
  const check = async () => {
    try {
      if (first) await withClient(url, (client) => client.query("ANALYZE"));
      else await analyzeChangedTables(url);
      first = false;
    } catch (error) {
      if (!stopped)
        console.warn(`The embedded database's statistics could not be updated: ${(error as Error).message}`);
    }
    if (!stopped) timer = setTimeout(tick, everyMs).unref();
  };
  const tick = () => {
    running = check();
  };
  timer = setTimeout(tick, firstMs).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
