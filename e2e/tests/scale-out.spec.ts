import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type CapturedMail, type S3Server, startS3Server } from "@observatory/api/testing";
import { createDb, type Db, databaseOn } from "@observatory/db";
import { createComment, createItem } from "@observatory/db/testing";
import { expect, test } from "../fixtures";
import { mailFile, portBase, smtpPort } from "../playwright.config";
import { signIn } from "../../scripts/bench-product";
import { waitForMail } from "../mail";
import { userIdOf } from "./database";
import { drawnPng } from "./staff-helpers";

// The product on more than one machine (issue 17): two web and two admin instances behind nginx,
// sharing only the PostgreSQL database and an S3-protocol object store. Runs on a PostgreSQL server
// (the embedded database is for one machine).

// Only on a PostgreSQL server: playwright.config.ts leaves this file out without DATABASE_URL.
const serverUrl = process.env.DATABASE_URL;
test.describe.configure({ mode: "serial" });

const repoRoot = path.resolve(import.meta.dirname, "../..");
const base = portBase + 200;
const instances = [
  { web: base, admin: base + 1 },
  { web: base + 2, admin: base + 3 },
];
const site = `http://localhost:${base + 4}`;
const adminSite = `http://localhost:${base + 5}`;
const direct = (port: number) => `http://127.0.0.1:${port}`;
const BUCKET = "observatory-scale-out";
const run = Date.now().toString(36);
/**
 * The web instances' bound on how long a shared cache may serve a page from before a change
 * (decision 033): pages say `s-maxage=1, stale-while-revalidate=1`. nginx keeps cache times in whole
 * seconds, so it may add up to one more.
 */
const SHARED_CACHE_SECONDS = 2;
const NGINX_CLOCK_MS = 1_000;

const databaseUrl = databaseOn(serverUrl ?? "postgresql://127.0.0.1/none", `observatory_scale_out_${portBase}`);

let s3: S3Server;
let nginx: ChildProcess | null = null;
let nginxDir = "";
const products: ChildProcess[] = [];

function startInstance(ports: { web: number; admin: number }, fresh: boolean, s3Port: number): ChildProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(repoRoot, "scripts/start.ts"), ...(fresh ? ["--fresh"] : [])],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        WEB_PORT: String(ports.web),
        ADMIN_PORT: String(ports.admin),
        PUBLIC_SITE_URL: site,
        ADMIN_SITE_URL: adminSite,
        APP_SECRET: "scale-out-test-secret-shared-by-every-instance",
        TRUST_PROXY: "true",
        MFA_REQUIRED_ROLES: "none",
        SHARED_CACHE_SECONDS: String(SHARED_CACHE_SECONDS),
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(smtpPort),
        MEDIA_STORE: `s3://${BUCKET}/media`,
        S3_FORCE_PATH_STYLE: "true",
        AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
        AWS_REGION: "eu-west-2",
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: "S3RVER",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  products.push(child);
  return child;
}

async function healthy(url: string): Promise<void> {
  await expect
    .poll(
      () =>
        fetch(`${url}/healthz`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 180_000, intervals: [500] },
    )
    .toBe(200);
}

function startNginx(): ChildProcess {
  nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), "observatory-nginx-"));
  const upstream = (name: string, ports: number[]) =>
    `upstream ${name} { ${ports.map((port) => `server 127.0.0.1:${port};`).join(" ")} }`;
  const proxy = `proxy_set_header Host $http_host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`;
  // The public site's cache keeps what the app's Cache-Control says (no proxy_cache_valid overrides
  // it), revalidates an expired page with its ETag, and serves a stale one while it revalidates only
  // within the page's stale-while-revalidate. `proxy_cache_use_stale updating` is left out on
  // purpose: it would serve a stale page however old, once, to the request that starts its update.
  const conf = path.join(nginxDir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes 1;
user root;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${nginxDir}; proxy_temp_path ${nginxDir}; fastcgi_temp_path ${nginxDir}; uwsgi_temp_path ${nginxDir}; scgi_temp_path ${nginxDir};
  proxy_cache_path ${nginxDir}/cache keys_zone=pages:4m;
  ${upstream(
    "web",
    instances.map((i) => i.web),
  )}
  ${upstream(
    "admin",
    instances.map((i) => i.admin),
  )}
  server {
    listen 127.0.0.1:${base + 4};
    location / {
      proxy_pass http://web; ${proxy}
      proxy_cache pages; proxy_cache_revalidate on; proxy_cache_background_update on;
      add_header X-Cache-Status $upstream_cache_status; add_header X-Upstream-Status $upstream_status;
    }
  }
  server {
    listen 127.0.0.1:${base + 5};
    client_max_body_size 20m;
    location / { proxy_pass http://admin; ${proxy} }
  }
}
`,
  );
  return spawn("/usr/sbin/nginx", ["-c", conf, "-g", "daemon off;"], { stdio: "inherit" });
}

test.beforeAll(async () => {
  test.setTimeout(360_000);
  s3 = await startS3Server(BUCKET);
  const [first, second] = instances;
  if (!first || !second) throw new Error("two instances");
  startInstance(first, true, s3.port);
  await healthy(direct(first.admin));
  await healthy(direct(first.web));
  startInstance(second, false, s3.port);
  await healthy(direct(second.admin));
  await healthy(direct(second.web));
  nginx = startNginx();
  await healthy(site);
});

test.afterAll(async () => {
  for (const child of [...products, nginx]) {
    if (!child || child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(child === nginx ? "SIGQUIT" : "SIGTERM");
    await exited;
  }
  await s3?.close();
  if (nginxDir) fs.rmSync(nginxDir, { recursive: true, force: true });
});

async function withServerDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl, 2);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** Signs in through the proxy (to whichever admin it picks); returns the session cookie. */
const signInAs = (role: string) => signIn(`${role}@observatory.test`, `demo-${role}-passphrase`, adminSite);

/**
 * A form posted straight to one admin instance, with the headers the proxy's would have: the
 * staff's origin, and the public host name Remix compares it with.
 */
const formHeaders = (cookie: string) => ({ cookie, origin: adminSite, "x-forwarded-host": new URL(adminSite).host });

/** Publishes a revision without review through one admin instance, as its publish form does. */
async function publishWithoutReview(adminUrl: string, cookie: string, itemId: string, revisionId: string) {
  const response = await fetch(`${adminUrl}/content/${itemId}/publish`, {
    method: "POST",
    headers: { ...formHeaders(cookie), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      intent: "forcePublish",
      revisionId,
      reason: "The correction is needed today and cannot wait for the review.",
    }),
    redirect: "manual",
  });
  expect(response.headers.get("location"), `publishing answered ${response.status}`).toBe(
    `/content/${itemId}?published=1`,
  );
}

/** A page through the proxy, with what its cache did (X-Cache-Status) and what the app answered it. */
async function throughProxy(pathname: string) {
  const response = await fetch(`${site}${pathname}`);
  return {
    status: response.status,
    cache: response.headers.get("x-cache-status"),
    upstream: response.headers.get("x-upstream-status"),
    headers: response.headers,
    body: await response.text(),
  };
}

test("a session made on one admin instance works on the other", async () => {
  const cookie = await signInAs("editor");
  for (const instance of instances) {
    const response = await fetch(`${direct(instance.admin)}/`, { headers: { cookie }, redirect: "manual" });
    expect(response.status, `admin on ${instance.admin}`).toBe(200);
    expect(await response.text()).toContain("Hello");
  }
});

test("a publication made on one admin is served by both web instances at once, and through the proxy", async ({
  page,
}) => {
  const title = `Published across instances ${run}`;
  const slug = `scale-out-${run}`;
  const itemId = await withServerDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    return (await createItem(db, { authorId, slug, pending: { title } })).id;
  });
  // The proxy has the home page in its cache before the change.
  await fetch(`${site}/`);
  const [name = "", value = ""] = (await signInAs("editor")).split("=");
  await page.context().addCookies([{ name, value, url: adminSite }]);
  await page.goto(`${adminSite}/content/${itemId}/publish`);
  await page
    .getByLabel("Why can this not wait for review?")
    .fill("The figures are out today and cannot wait for the review.");
  await page.getByRole("button", { name: /without review/ }).click();
  await expect(page.getByText("Published: it is on the public site now.")).toBeVisible();
  for (const instance of instances) {
    await expect
      .poll(async () => (await fetch(`${direct(instance.web)}/news/${slug}`)).status, {
        timeout: 2_000,
        intervals: [50],
      })
      .toBe(200);
  }
  expect(await (await fetch(`${site}/news/${slug}`)).text()).toContain(title);
});

test("a scheduled publication is recorded once, and its alert, the weekly digest and the moderators' digest are each sent once, with both admins running the jobs", async () => {
  test.setTimeout(120_000);
  const title = `Scheduled across instances ${run}`;
  const slug = `scale-out-scheduled-${run}`;
  const email = `scale-out-${run}@example.org`;
  const weekly = `scale-out-weekly-${run}@example.org`;
  const comment = `Held for the moderators' digest ${run}`;
  const itemId = await withServerDb(async (db) => {
    await db.alertSubscription.create({
      data: { email, everything: true, kinds: [], frequency: "IMMEDIATE", confirmedAt: new Date() },
    });
    // A weekly subscriber whose week is up gets a digest of what was published in it.
    await db.alertSubscription.create({
      data: {
        email: weekly,
        everything: true,
        kinds: [],
        frequency: "WEEKLY",
        confirmedAt: new Date(),
        lastDigestAt: new Date(Date.now() - 8 * 86_400_000),
      },
    });
    const authorId = await userIdOf(db, "author@observatory.test");
    const item = await createItem(db, {
      authorId,
      slug,
      scheduled: { title, publishAt: new Date(Date.now() + 3_000) },
    });
    // A comment held for moderation, and no moderators' digest sent yet.
    await createComment(db, { itemId: item.id, status: "PENDING", body: comment });
    await db.setting.deleteMany({ where: { key: "comments.digestSentAt" } });
    return item.id;
  });
  for (const instance of instances) {
    await expect
      .poll(async () => (await fetch(`${direct(instance.web)}/news/${slug}`)).status, { timeout: 15_000 })
      .toBe(200);
  }
  // Both digests' jobs ran when the admins started: now that the item is out, make them due again on
  // both admins' next look.
  const jobsDue = Date.now();
  await withServerDb((db) =>
    db.jobRun.updateMany({
      where: { name: { in: ["alert-digests", "moderation-digest"] } },
      data: { lastRunAt: null },
    }),
  );
  // Both admins' schedulers run every 15 seconds: wait for the recording, then for any second one.
  const recordings = () =>
    withServerDb((db) =>
      db.auditEvent.count({ where: { targetId: itemId, action: { startsWith: "content.publishRecorded" } } }),
    );
  await expect.poll(recordings, { timeout: 60_000, intervals: [1_000] }).toBe(1);
  await waitForMail((mail) => mail.to.includes(email) && mail.subject === `New news: ${title}`, 30_000);
  const weeklyDigest = await waitForMail(
    (mail) => mail.to.includes(weekly) && mail.subject.startsWith("Your weekly alerts"),
    60_000,
  );
  expect(weeklyDigest.text).toContain(title);
  const moderatorsDigest = (mail: CapturedMail) =>
    mail.to.includes("moderator@observatory.test") && mail.text.includes(comment);
  await waitForMail(moderatorsDigest, 60_000);
  // Each admin looks at its jobs every 30 seconds: once both have looked again, nothing more may have
  // been recorded or sent.
  await sleep(Math.max(16_000, jobsDue + 31_000 - Date.now()));
  expect(await recordings()).toBe(1);
  const mails = JSON.parse(fs.readFileSync(mailFile, "utf8")) as CapturedMail[];
  expect(mails.filter((mail) => mail.to.includes(email))).toHaveLength(1);
  expect(mails.filter((mail) => mail.to.includes(weekly))).toHaveLength(1);
  expect(mails.filter(moderatorsDigest)).toHaveLength(1);
});

test("behind nginx's cache a page is a hit, is revalidated with a 304 when it expires, and shows a change within SHARED_CACHE_SECONDS", async () => {
  const title = `Corrected behind the proxy ${run}`;
  const [first] = instances;
  if (!first) throw new Error("two instances");
  // Made before the page is cached: an unpublished item changes nothing readers see.
  const item = await withServerDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    return createItem(db, { authorId, slug: `scale-out-corrected-${run}`, pending: { title } });
  });
  const cookie = await signInAs("editor");

  const page = await throughProxy("/news");
  expect(page.status).toBe(200);
  expect(page.headers.get("cache-control")).toBe("public, max-age=1, s-maxage=1, stale-while-revalidate=1");
  expect(page.headers.get("etag")).toMatch(/^W\/"/);
  expect(page.headers.get("vary")).toMatch(/Accept-Encoding/i);
  // nginx does not keep a response that sets a cookie: a reader's page sets none.
  expect(page.headers.get("set-cookie")).toBeNull();
  expect(page.body).not.toContain(title);

  // The next request is answered from the proxy's cache.
  await expect.poll(async () => (await throughProxy("/news")).cache, { timeout: 5_000, intervals: [100] }).toBe("HIT");

  // Once its fresh and stale-while-revalidate seconds have both passed, the proxy asks an instance
  // again with the page's ETag, and the instance, with nothing changed, answers 304.
  await sleep(SHARED_CACHE_SECONDS * 1_000 + NGINX_CLOCK_MS + 200);
  const revalidated = await throughProxy("/news");
  expect([revalidated.cache, revalidated.upstream]).toEqual(["REVALIDATED", "304"]);
  expect(revalidated.body).not.toContain(title);

  // A change published through one admin instance: both web instances serve it at once, and the
  // proxy no later than SHARED_CACHE_SECONDS (plus nginx's whole second) after it was made. It is
  // timed from the item's liveSince, set in the publishing transaction (so before it commits).
  const publishing = Date.now();
  if (!item.pendingId) throw new Error("a pending revision");
  await publishWithoutReview(direct(first.admin), cookie, item.id, item.pendingId);
  const published = Date.now();
  const { liveSince } = await withServerDb((db) =>
    db.contentItem.findUniqueOrThrow({ where: { id: item.id }, select: { liveSince: true } }),
  );
  const changedAt = liveSince?.getTime() ?? publishing;
  for (const instance of instances) {
    await expect
      .poll(async () => (await (await fetch(`${direct(instance.web)}/news`)).text()).includes(title), {
        timeout: 2_000,
        intervals: [50],
      })
      .toBe(true);
  }
  const answers: string[] = [];
  let shownAfter = 0;
  await expect
    .poll(
      async () => {
        const answer = await throughProxy("/news");
        const shown = answer.body.includes(title);
        answers.push(`${answer.cache}${shown ? " (new)" : ""}`);
        if (shown) shownAfter = Date.now() - changedAt;
        return shown;
      },
      { timeout: 10_000, intervals: [100] },
    )
    .toBe(true);
  const description = `publishing took ${published - publishing} ms; then the proxy answered ${answers.join(", ")}, ${shownAfter} ms after the change`;
  test.info().annotations.push({ type: "proxy after the change", description });
  // The margin covers a render in flight at the change and the polling interval.
  expect(shownAfter, description).toBeLessThanOrEqual(SHARED_CACHE_SECONDS * 1_000 + NGINX_CLOCK_MS + 1_000);
});

test("an image uploaded through one admin instance is served by both web instances and through the proxy", async ({
  page,
}) => {
  const [first] = instances;
  if (!first) throw new Error("two instances");
  const cookie = await signInAs("editor");
  const form = new FormData();
  form.set(
    "file",
    new Blob([new Uint8Array(await drawnPng(page, 480, 240))], { type: "image/png" }),
    `scale-out-${run}.png`,
  );
  form.set("alt", "A yellow block on blue");
  form.set("title", `Uploaded across instances ${run}`);
  const upload = await fetch(`${direct(first.admin)}/media/upload`, {
    method: "POST",
    headers: formHeaders(cookie),
    body: form,
    redirect: "manual",
  });
  const mediaId = /^\/media\/([^/]+)\/edit\?uploaded=1$/.exec(upload.headers.get("location") ?? "")?.[1];
  expect(mediaId, `upload answered ${upload.status}`).toBeTruthy();
  // Pages show the resized variants (media/variants.ts), not the original.
  const variants = await withServerDb(async (db) => {
    const media = await db.media.findUniqueOrThrow({ where: { id: mediaId ?? "" }, select: { variants: true } });
    return media.variants as { key: string; format: "avif" | "webp" | "jpeg" | "png" }[];
  });
  // An opaque image's fallback is a JPEG.
  expect(variants.map((v) => v.format).sort()).toEqual(["avif", "jpeg", "webp"]);
  const contentType = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };
  for (const variant of variants) {
    const served: Buffer[] = [];
    for (const origin of [...instances.map((i) => direct(i.web)), site]) {
      const response = await fetch(`${origin}/media/${variant.key}`);
      expect(response.status, `${origin}/media/${variant.key}`).toBe(200);
      expect(response.headers.get("content-type")).toBe(contentType[variant.format]);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      served.push(Buffer.from(await response.arrayBuffer()));
    }
    expect(served.every((bytes) => bytes.length > 0 && bytes.equals(served[0] ?? Buffer.alloc(0)))).toBe(true);
    expect((await fetch(`${site}/media/${variant.key}`)).headers.get("x-cache-status")).toBe("HIT");
  }
});
