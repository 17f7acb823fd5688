import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createDb, type Db } from "@observatory/db";
import { createItem, createUser } from "@observatory/db/testing";
import { expect, test } from "../fixtures";
import { portBase } from "../playwright.config";
// @ts-expect-error plain JS module shared with the migration CLI
import { deployMigrations, pgFactory } from "../../packages/db/tools/schema-engine.mjs";
import { type PrivatePostgres, startPrivatePostgres } from "./private-postgres";

// The public site on a PostgreSQL server of this test's own, which is stopped and started again while
// readers post comments: pages held in the page cache go on being served, others say the service is
// unavailable (503, never a bare 500), the site reconnects by itself, and every comment it
// acknowledged is stored.

const repoRoot = path.resolve(import.meta.dirname, "../..");
const pgPort = portBase + 40;
const webPort = portBase + 41;
const site = `http://localhost:${webPort}`;

let server: PrivatePostgres;
let web: ChildProcess;
let db: Db;
let articlePath: string;
let itemId: string;

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = startPrivatePostgres(pgPort);
  const maintenance = createDb(server.url("postgres"), 1);
  await maintenance.$executeRawUnsafe("CREATE DATABASE observatory");
  await maintenance.$disconnect();
  const url = server.url("observatory");
  await deployMigrations(await pgFactory(url));
  db = createDb(url, 2);
  const author = await createUser(db, "EDITOR");
  const item = await createItem(db, { authorId: author.id, slug: "outage", live: { title: "Open during an outage" } });
  itemId = item.id;
  articlePath = "/news/outage";
  web = spawn(process.execPath, ["--import", "tsx", "server.mjs"], {
    cwd: path.join(repoRoot, "apps/web"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      WEB_PORT: String(webPort),
      PUBLIC_SITE_URL: site,
      APP_SECRET: "outage-test-secret-outage-test-secret",
      COMMENT_MIN_SECONDS: "0",
      COMMENT_RATE_LIMIT_IP: "0/1",
      COMMENT_RATE_LIMIT_EMAIL: "0/1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor("the web app", async () => (await fetch(`${site}/healthz`)).ok);
});

test.afterAll(async () => {
  web?.kill("SIGTERM");
  await db?.$disconnect();
  server?.remove();
});

test("while the database restarts, cached pages are served, others say so, and every acknowledged comment is kept", async () => {
  test.setTimeout(120_000);
  // The article is rendered once, so the page cache holds it.
  const first = await fetch(`${site}${articlePath}`);
  expect(first.status).toBe(200);
  const token = /name="formToken" value="([^"]+)"/.exec(await first.text())?.[1] ?? "";
  expect((await fetch(`${site}${articlePath}`)).headers.get("x-page-cache")).toBe("hit");

  // Readers post comments throughout, four at a time.
  const acknowledged: string[] = [];
  const answers = new Map<number, number>();
  let posting = true;
  let sent = 0;
  const reader = async () => {
    while (posting) {
      sent += 1;
      const body = `Comment ${sent} sent during the restart test.`;
      const response = await fetch(`${site}${articlePath}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          itemId,
          name: "A reader",
          email: `reader${sent}@example.org`,
          body,
          formToken: token,
        }),
      }).catch(() => null);
      const status = response?.status ?? 0;
      answers.set(status, (answers.get(status) ?? 0) + 1);
      if (status === 303) acknowledged.push(body);
      await response?.arrayBuffer();
    }
  };
  const readers = Promise.all([reader(), reader(), reader(), reader()]);
  await waitFor("comments before the outage", async () => acknowledged.length >= 20);
  const beforeOutage = acknowledged.length;

  server.down();
  try {
    // The cached article is served as it was, with its age.
    const cached = await fetch(`${site}${articlePath}`);
    expect(cached.status).toBe(200);
    expect(cached.headers.get("x-page-cache")).toBe("stale");
    expect(Number(cached.headers.get("age"))).toBeGreaterThanOrEqual(0);
    expect(await cached.text()).toContain("Open during an outage");
    // A page that was never rendered says the service is unavailable, in the site's look.
    const uncached = await fetch(`${site}/news`);
    expect(uncached.status).toBe(503);
    expect(uncached.headers.get("retry-after")).toBe("30");
    const page = await uncached.text();
    expect(page).toContain("Sorry, the service is unavailable");
    expect(page).toContain('class="nhsuk-header');
    // The health check names the dependency that is down, in words only.
    const health = await fetch(`${site}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: "unavailable",
      database: { status: "unavailable", message: "The database cannot be reached." },
    });
  } finally {
    server.up();
  }

  // The app reconnects by itself, and readers' comments are acknowledged again.
  await waitFor("the database again", async () => (await fetch(`${site}/healthz`)).ok);
  const afterRestart = acknowledged.length;
  await waitFor("comments after the restart", async () => acknowledged.length >= afterRestart + 20);
  posting = false;
  await readers;

  expect(beforeOutage).toBeGreaterThan(0);
  // Nothing was answered with a bare failure: acknowledged (303) or unavailable (503) only.
  expect([...answers.keys()].filter((status) => status !== 303 && status !== 503)).toEqual([]);
  const stored = new Set(
    (await db.comment.findMany({ where: { itemId }, select: { body: true } })).map((comment) => comment.body),
  );
  expect(acknowledged.filter((body) => !stored.has(body))).toEqual([]);
});
