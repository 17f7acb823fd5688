// `pnpm bench --moderation` (or BENCH_MODERATION=1 pnpm bench): the comment moderation benchmark.
// It seeds 1,000,000 comments (5% pending, 5% spam, 5% rejected, the rest approved, over 240
// articles and 50,000 commenters) with one set-based INSERT ... SELECT generate_series, then
// measures, signed in as the demo moderator over HTTP:
//   - the queue page (/comments, server-rendered) and its API (moderation.queue): each tab, a page
//     40,000 comments deep, one article, a week, oldest first, and text searches (common words, one
//     comment, an email address, a deep page); p50/p95/p99, target p95 < 100 ms;
//   - bulk approval: 20 batches of 100 pending comments through moderation.moderateMany;
//   - a comment flood: 10,000 submissions at 64 connections, then every accepted one is a stored row.
// It runs on a PostgreSQL server: DATABASE_URL's server (database observatory_bench_moderation, recreated),
// else postgresql://postgres@127.0.0.1:5432. The embedded database serialises every transaction, so it
// is not what a million-comment site would run on (see docs/decisions).
// Options (environment): BENCH_MODERATION_COMMENTS (1000000), BENCH_FLOOD (10000), BENCH_FLOOD_CONNECTIONS (64),
// BENCH_MODERATION_REUSE=1 (measure again on the database a previous run seeded, without reseeding).
import { createDb } from "@observatory/db";
import { seedVolume } from "@observatory/demo";
import autocannon from "autocannon";
import { type Latencies, measure, printLatencies } from "./bench-latency.ts";
import { admin, benchServerDatabase, commentRequest, signIn, startProduct, stopProduct, web } from "./bench-product.ts";

const total = Number(process.env.BENCH_MODERATION_COMMENTS ?? 1_000_000);
const floodSize = Number(process.env.BENCH_FLOOD ?? 10_000);
const floodConnections = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 64);
const serverUrl = benchServerDatabase("observatory_bench_moderation");
const reuse = process.env.BENCH_MODERATION_REUSE === "1";
const TARGET_P95_MS = 100;

async function seedComments() {
  const seedStart = performance.now();
  // One statement; the per-row trigger that bumps the public content version is paused for it (and
  // the version bumped once after), or it would rewrite that one row a million times.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "Comment" DISABLE TRIGGER "Comment_insert_public_version"`);
      await tx.$executeRawUnsafe(`
        INSERT INTO "Comment" ("id", "itemId", "authorName", "authorEmail", "body", "status", "flags", "ipHash",
                               "createdAt", "updatedAt", "approvedAt")
        SELECT 'benchc_' || g, 'bench_item_' || (1 + g % 240), 'Reader ' || (g % 50000),
               'reader' || (g % 50000) || '@example.org',
               'Comment ' || g || ' on fair care, waiting times and the evidence we need.',
               s.status::"CommentStatus",
               CASE WHEN s.status = 'PENDING' THEN ARRAY['new-commenter'] ELSE ARRAY[]::text[] END,
               -- IP hashes only within the default 90 days: the hourly purge has cleared older ones
               -- (left in place, its first run rewrites 750,000 rows in the middle of a measurement).
               CASE WHEN g < 259200 THEN substr(md5(g::text), 1, 32) END, t.at, t.at,
               CASE WHEN s.status = 'APPROVED' THEN t.at END
        FROM generate_series(1, ${total}) AS g,
             LATERAL (SELECT CASE g % 20 WHEN 0 THEN 'PENDING' WHEN 1 THEN 'SPAM' WHEN 2 THEN 'REJECTED'
                                         ELSE 'APPROVED' END AS status) AS s,
             LATERAL (SELECT now() - make_interval(secs => g * 30) AS at) AS t`);
      await tx.$executeRawUnsafe(`ALTER TABLE "Comment" ENABLE TRIGGER "Comment_insert_public_version"`);
      await tx.$executeRawUnsafe(`UPDATE "PublicContentVersion" SET "version" = "version" + 1, "changedAt" = now()`);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Comment"`);
  const count = await db.comment.count();
  console.log(
    `Seeded ${count.toLocaleString("en-GB")} comments in ${Math.round(performance.now() - seedStart) / 1000} s.`,
  );
}

/** The flood: distinct readers (so no duplicate rule) on one article, rate limits off. */
async function flood(articlePath: string) {
  const form = await commentRequest(articlePath, "flood-");
  const flooded = () => db.comment.count({ where: { authorEmail: { startsWith: "flood-" } } });
  const before = await flooded();
  let sent = 0;
  const result = await autocannon({
    url: `${web}${articlePath}`,
    connections: floodConnections,
    amount: floodSize,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    requests: [
      {
        setupRequest: (req) => {
          sent += 1;
          return { ...req, body: form(sent) };
        },
      },
    ],
  });
  const accepted = result.statusCodeStats?.["303"]?.count ?? 0;
  const stored = (await flooded()) - before;
  console.log(
    `\nComment flood: ${result.requests.total} submissions at ${floodConnections} connections in ${result.duration} s (${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms); ${accepted} accepted (303), ${stored} stored, ${result.errors + result.timeouts} errors, answers ${JSON.stringify(result.statusCodeStats)}: ${accepted === stored ? "every accepted submission is a stored row" : "MISMATCH"}.`,
  );
}

type Seen = { id: string; status: string; updatedAt: string };

const product = await startProduct(
  { COMMENT_MIN_SECONDS: "0", COMMENT_RATE_LIMIT_IP: "0/60", COMMENT_RATE_LIMIT_EMAIL: "0/60" },
  !reuse,
  serverUrl,
);
const db = createDb(serverUrl, 2);
try {
  const { articlePath } = await seedVolume(db);
  if (!reuse) await seedComments();
  console.log(`${(await db.comment.count()).toLocaleString("en-GB")} comments.`);

  const cookie = await signIn("moderator@observatory.test", "demo-moderator-passphrase");
  const headers = { cookie };
  const page = (query: string) => async () => {
    const r = await fetch(`${admin}/comments${query}`, { headers });
    await r.text();
    return r.ok;
  };
  const trpcQueue = (input: object) => async () => {
    const r = await fetch(`${admin}/api/trpc/moderation.queue?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers,
    });
    await r.text();
    return r.ok;
  };
  // A page 40,000 pending comments deep, addressed as the queue's own "next page" links are.
  const [deep] = await db.$queryRaw<{ createdAt: Date; id: string }[]>`
    SELECT "createdAt", "id" FROM "Comment" WHERE "status" = 'PENDING'
    ORDER BY "createdAt" DESC, "id" ASC OFFSET ${Math.min(40_000, Math.floor(total / 25))} LIMIT 1`;
  const deepCursor = deep ? Buffer.from(`${deep.createdAt.toISOString()}|${deep.id}`).toString("base64url") : "";

  // Warm-up: the first requests compile queries and fill caches.
  await measure("warm-up", 20, 4, page(""));
  const rows: Latencies[] = [];
  // One moderator at a time: the latency of a page. Then four at once, on the first page.
  const n = 200;
  const c = 1;
  // The seed's pattern: comment g is pending when g % 20 = 0 and on bench_item_(1 + g % 240), so
  // bench_item_21 has pending comments; "Comment 123457" is one approved comment's text and
  // reader4243@ one commenter's 20 approved comments. Comment g was sent g * 30 s ago.
  const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const cases: [string, string][] = [
    ["pending tab, first page", ""],
    ["pending tab, 40,000 deep", `?cursor=${deepCursor}`],
    ["approved tab, 850,000 comments", "?status=APPROVED"],
    ["spam tab", "?status=SPAM"],
    ["rejected tab", "?status=REJECTED"],
    ["one article", "?itemId=bench_item_21"],
    ["a week, 30 days back", `?from=${days(37)}&to=${days(30)}`],
    ["oldest first", "?order=oldest"],
    ["search: common words", "?q=waiting%20times"],
    ["search: one comment, approved tab", "?status=APPROVED&q=Comment%20123457"],
    ["search: an email, approved tab", "?status=APPROVED&q=reader4243%40"],
    ["search: common words, deep", `?q=fair%20care&cursor=${deepCursor}`],
  ];
  for (const [name, query] of cases) rows.push(await measure(`GET /comments (${name})`, n, c, page(query)));
  rows.push(await measure("GET /comments (first page, 4 moderators at once)", n, 4, page("")));
  rows.push(await measure("moderation.queue (API, first page)", n, c, trpcQueue({ status: "PENDING" })));
  rows.push(
    await measure("moderation.queue (API, 40,000 deep)", n, c, trpcQueue({ status: "PENDING", cursor: deepCursor })),
  );
  // A name 22,000 comments contain: too common for one trigram pass, too rare to stop early.
  rows.push(
    await measure(
      "GET /comments (search: 22,000 matches) informational",
      50,
      c,
      page("?status=APPROVED&q=Reader%2042"),
    ),
  );

  // Bulk approval: each batch is the oldest 100 pending comments, as a moderator would select them.
  const batches: Seen[][] = [];
  for (let i = 0; i < 20; i += 1) {
    const batch = await db.comment.findMany({
      where: { status: "PENDING" },
      orderBy: [{ createdAt: "asc" }, { id: "desc" }],
      skip: i * 100,
      take: 100,
      select: { id: true, status: true, updatedAt: true },
    });
    batches.push(batch.map((b) => ({ id: b.id, status: b.status, updatedAt: b.updatedAt.toISOString() })));
  }
  let approved = 0;
  let batchIndex = 0;
  rows.push(
    await measure("moderation.moderateMany (approve 100)", batches.length, 1, async () => {
      const comments = batches[batchIndex] ?? [];
      batchIndex += 1;
      const r = await fetch(`${admin}/api/trpc/moderation.moderateMany`, {
        method: "POST",
        headers: { ...headers, origin: admin, "content-type": "application/json" },
        body: JSON.stringify({ action: "approve", comments }),
      });
      const body = (await r.json()) as { result?: { data?: { succeeded: string[] } } };
      const succeeded = body.result?.data?.succeeded.length ?? 0;
      approved += succeeded;
      return r.ok && succeeded === comments.length;
    }),
  );
  printLatencies(rows);
  const queueRows = rows.filter((r) => !r.name.includes("informational") && !r.name.includes("moderateMany"));
  const slow = queueRows.filter((r) => r.p95 >= TARGET_P95_MS);
  console.log(
    `\nQueue pages: ${slow.length ? `OVER the ${TARGET_P95_MS} ms p95 target: ${slow.map((r) => r.name).join(", ")}` : `every p95 under ${TARGET_P95_MS} ms`}. Bulk approval: ${approved} of ${batches.length * 100} approved.`,
  );

  // The flood: distinct readers (so no duplicate rule) on one article, rate limits off.
  if (floodSize > 0) await flood(articlePath);
} finally {
  await db.$disconnect();
  await stopProduct(product);
}
