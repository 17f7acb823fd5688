import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "../client.ts";
import { freePort, isPortOpen } from "./server.ts";

// The embedded database is served by one process and used by others over the wire protocol; here a
// child process serves a fresh data folder and this process connects with two separate pools, as
// the two apps do.
describe("embedded database shared by several clients", () => {
  let dir: string;
  let port: number;
  let child: ReturnType<typeof spawn>;
  let a: Db;
  let b: Db;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "observatory-embedded-"));
    port = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../cli/serve.ts")], {
      env: { ...process.env, EMBEDDED_DB_DIR: dir, EMBEDDED_DB_PORT: String(port) },
      stdio: "ignore",
    });
    const deadline = Date.now() + 60_000;
    while (!(await isPortOpen(port))) {
      if (Date.now() > deadline) throw new Error("embedded server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    a = createDb(url, 4);
    b = createDb(url, 4);
    await a.$executeRawUnsafe("CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL)");
  });

  afterAll(async () => {
    await a?.$disconnect();
    await b?.$disconnect();
    child?.kill("SIGTERM");
    await new Promise((r) => child?.once("exit", r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a lock file so no second process opens the same folder", () => {
    expect(fs.readFileSync(path.join(dir, "observatory.lock"), "utf8")).toBe(String(child.pid));
  });

  it("shows one client's committed write to the other at once", async () => {
    await a.$executeRaw`INSERT INTO note (body) VALUES ('from a')`;
    const rows = await b.$queryRaw<{ body: string }[]>`SELECT body FROM note`;
    expect(rows.map((r) => r.body)).toContain("from a");
  });

  it("runs concurrent transactions from both clients without errors or lost rows", async () => {
    const work = (db: Db, label: string) =>
      Array.from({ length: 60 }, (_, i) =>
        db.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO note (body) VALUES (${`${label}-${i}`})`;
          return tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM note`;
        }),
      );
    const results = await Promise.allSettled([...work(a, "a"), ...work(b, "b")]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const [count] = await a.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM note WHERE body ~ '^[ab]-'`;
    expect(Number(count?.n)).toBe(120);
  });

  it("answers every concurrent parameterised query from many connections with its own result", async () => {
    // Parameterised queries use the extended protocol (Parse, Bind, Execute, Sync): the messages of
    // one connection's query must not interleave with another's on the single PGlite session.
    const pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, max: 20 });
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 400 }, (_, i) =>
          // A different statement each time, so that binding to another connection's would show.
          pool.query<{ n: number; s: string }>(`SELECT $1::int + ${i} AS n, $2::text AS s`, [0, `value ${i}`]),
        ),
      );
      const wrong = results.flatMap((r, i) =>
        r.status === "rejected"
          ? [`${i}: ${String(r.reason)}`]
          : r.value.rows[0]?.n === i && r.value.rows[0]?.s === `value ${i}`
            ? []
            : [`${i}: got ${JSON.stringify(r.value.rows)}`],
      );
      expect(wrong).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("shares named statements between connections, as each connection on a server has its own", async () => {
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const clients = [0, 1, 2].map(() => new pg.Client({ connectionString: url }));
    const named = (value: number) => ({ name: "twice", text: "SELECT $1::int * 2 AS n", values: [value] });
    try {
      for (const client of clients) await client.connect();
      // Each client prepares "twice" on its first use: the second and third find the session has it.
      for (const [i, client] of clients.entries())
        expect((await client.query<{ n: number }>(named(i + 1))).rows).toEqual([{ n: (i + 1) * 2 }]);
      const again = await Promise.all(clients.map((client, i) => client.query<{ n: number }>(named(10 + i))));
      expect(again.map((r) => r.rows[0]?.n)).toEqual([20, 22, 24]);
      // One client drops every statement; the others' are prepared again for them.
      await clients[2]?.query("DEALLOCATE ALL");
      expect((await clients[0]?.query<{ n: number }>(named(5)))?.rows).toEqual([{ n: 10 }]);
      expect((await clients[2]?.query<{ n: number }>(named(6)))?.rows).toEqual([{ n: 12 }]);
      // A Prisma client names its statements too (decision 035): they are on the session.
      await a.$queryRaw`SELECT count(*) FROM note`;
      const prepared = await b.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pg_prepared_statements WHERE name LIKE 's\_%'`;
      expect(Number(prepared[0]?.n)).toBeGreaterThan(0);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("gives each connection the settings it asked for at its start, as each connection on a server has its own", async () => {
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const generic = new pg.Client({ connectionString: url, options: "-c plan_cache_mode=force_generic_plan" });
    const plain = new pg.Client({ connectionString: url });
    const custom = new pg.Client({
      connectionString: url,
      options: "--plan-cache-mode=force_custom_plan -c work_mem=8MB",
    });
    const mode = async (client: pg.Client) =>
      (await client.query<{ plan_cache_mode: string }>("SHOW plan_cache_mode")).rows[0]?.plan_cache_mode;
    try {
      for (const client of [generic, plain, custom]) await client.connect();
      // Taking turns on the one session, each sees its own, and the defaults where it asked for none.
      for (let round = 0; round < 2; round += 1) {
        expect(await mode(generic)).toBe("force_generic_plan");
        expect(await mode(plain)).toBe("auto");
        expect(await mode(custom)).toBe("force_custom_plan");
        expect((await custom.query<{ work_mem: string }>("SHOW work_mem")).rows[0]?.work_mem).toBe("8MB");
        expect((await plain.query<{ work_mem: string }>("SHOW work_mem")).rows[0]?.work_mem).toBe("4MB");
      }
      const all = await Promise.all([generic, plain, custom, generic, plain].map(mode));
      expect(all).toEqual(["force_generic_plan", "auto", "force_custom_plan", "force_generic_plan", "auto"]);
      // A setting that does not exist refuses the connection, and leaves the session as it was.
      const wrong = new pg.Client({ connectionString: url, options: "-c plan_cache_mode=sometimes" });
      await expect(wrong.connect()).rejects.toThrow(/plan_cache_mode/);
      expect(await mode(plain)).toBe("auto");
    } finally {
      await Promise.all([generic, plain, custom].map((client) => client.end()));
    }
  });

  it("gives the session back when a connection goes away inside a transaction, and rolls it back", async () => {
    const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    await client.connect();
    client.on("error", () => {});
    await client.query("BEGIN");
    await client.query("INSERT INTO note (body) VALUES ('abandoned')");
    // The socket closes without COMMIT, ROLLBACK or Terminate, as when a process dies.
    (client as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    const rows = await b.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM note WHERE body = 'abandoned'`;
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it("takes a message larger than one network read whole", async () => {
    const body = "x".repeat(3 * 1024 * 1024);
    await a.$executeRaw`INSERT INTO note (body) VALUES (${body})`;
    const rows = await b.$queryRaw<{ n: number }[]>`SELECT length(body) AS n FROM note WHERE body LIKE 'xxx%'`;
    expect(rows.map((r) => r.n)).toEqual([body.length]);
  });

  it("does not show a rolled-back transaction to the other client", async () => {
    await expect(
      a.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO note (body) VALUES ('doomed')`;
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const rows = await b.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM note WHERE body = 'doomed'`;
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it("delivers a committed notification to each connection listening on its channel, and to no other", async () => {
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const listeners = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    const writer = new pg.Client({ connectionString: url });
    const heard: string[][] = [[], [], []];
    try {
      for (const [i, client] of [...listeners, writer].entries()) {
        await client.connect();
        client.on("notification", (n) => heard[i]?.push(`${n.channel}:${n.payload}`));
      }
      await listeners[0]?.query("LISTEN changes");
      await listeners[1]?.query('LISTEN "Other"');
      await writer.query("BEGIN");
      await writer.query("SELECT pg_notify('changes', 'one'), pg_notify('Other', 'two')");
      // Nothing is heard before the commit (no other query can run while the transaction is open).
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard[0]).toEqual([]);
      await writer.query("COMMIT");
      await vi.waitFor(() => expect(heard.slice(0, 2)).toEqual([["changes:one"], ["Other:two"]]));
      await listeners[0]?.query("UNLISTEN changes");
      await writer.query("SELECT pg_notify('changes', 'three')");
      await listeners[0]?.query("SELECT 1");
      expect(heard).toEqual([["changes:one"], ["Other:two"], []]);
    } finally {
      await Promise.all([...listeners, writer].map((client) => client.end()));
    }
  });
});
