import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Listening, listen, PUBLIC_CHANGES_CHANNEL } from "./notifications.ts";
import { createTestDatabase, createUser, createWorkstream, type TestDatabase } from "./testing/index.ts";

// Every instance of the web app follows the public changes: a change committed by anyone (another
// instance, a tool, a plain SQL session) reaches each of them, once committed and never before.
describe("notifications of public changes", () => {
  let database: TestDatabase;
  const instances: { heard: { payload: string; at: number }[]; listening: Listening; ready: Promise<void> }[] = [];
  let session: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i += 1) {
      const heard: { payload: string; at: number }[] = [];
      let ready = () => {};
      const isReady = new Promise<void>((resolve) => {
        ready = resolve;
      });
      const listening = listen(database.url, PUBLIC_CHANGES_CHANNEL, {
        onListening: ready,
        onNotification: (payload) => heard.push({ payload, at: performance.now() }),
        onLost: () => {},
      });
      instances.push({ heard, listening, ready: isReady });
    }
    await Promise.all(instances.map((instance) => instance.ready));
    session = new pg.Client({ connectionString: database.url });
    await session.connect();
  });

  afterAll(async () => {
    await session?.end();
    await Promise.all(instances.map((instance) => instance.listening.stop()));
    await database?.close();
  });

  const currentVersion = async () =>
    (await session.query<{ version: string }>(`SELECT "version"::text AS "version" FROM "PublicContentVersion"`))
      .rows[0]?.version;

  /** Waits until every listener has heard the changes made so far, then forgets them. */
  const clear = async () => {
    const version = await currentVersion();
    await vi.waitFor(() =>
      expect(instances.map((instance) => instance.heard.at(-1)?.payload ?? version)).toEqual([version, version]),
    );
    for (const instance of instances) instance.heard.length = 0;
  };

  it("reaches every listener within 100 ms of a commit in a plain SQL session, with the new version", async () => {
    const author = await createUser(database.db);
    const priority = await createWorkstream(database.db);
    expect(author.id).toBeTruthy();
    for (let round = 0; round < 5; round += 1) {
      await clear();
      await session.query("BEGIN");
      await session.query(`UPDATE "Workstream" SET "title" = $1 WHERE "id" = $2`, [`Renamed ${round}`, priority.id]);
      // Nothing is announced before the commit (the embedded database runs one session, so no other
      // query could run meanwhile: a pause shows it).
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(instances.map((instance) => instance.heard.length)).toEqual([0, 0]);
      await session.query("COMMIT");
      const committedAt = performance.now();
      await vi.waitFor(() => expect(instances.every((instance) => instance.heard.length > 0)).toBe(true), {
        timeout: 2_000,
        interval: 2,
      });
      const version = await currentVersion();
      for (const instance of instances) {
        expect(instance.heard.at(-1)?.payload).toBe(version);
        expect((instance.heard[0]?.at ?? Number.POSITIVE_INFINITY) - committedAt).toBeLessThan(100);
      }
    }
  });

  it("announces nothing for a rolled-back change, or one the public never sees", async () => {
    const priority = await createWorkstream(database.db);
    await clear();
    await session.query("BEGIN");
    await session.query(`UPDATE "Workstream" SET "title" = 'Never seen' WHERE "id" = $1`, [priority.id]);
    await session.query("ROLLBACK");
    // An account's email address is never on a public page.
    await session.query(`UPDATE "User" SET "email" = "email"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(instances.map((instance) => instance.heard.length)).toEqual([0, 0]);
  });

  it.skipIf(!process.env.DATABASE_URL)("listens again after its connection is cut, and says so", async () => {
    const events: string[] = [];
    const listening = listen(database.url, PUBLIC_CHANGES_CHANNEL, {
      onListening: () => events.push("listening"),
      onNotification: () => events.push("notified"),
      onLost: () => events.push("lost"),
    });
    try {
      await vi.waitFor(() => expect(events).toEqual(["listening"]));
      await session.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      );
      await vi.waitFor(() => expect(events.filter((event) => event === "listening")).toHaveLength(2), {
        timeout: 5_000,
      });
      expect(events.slice(0, 2)).toEqual(["listening", "lost"]);
      const priority = await createWorkstream(database.db);
      expect(priority.id).toBeTruthy();
      await vi.waitFor(() => expect(events.at(-1)).toBe("notified"));
    } finally {
      await listening.stop();
    }
  });
});
