// `pnpm bench --editorial` (or BENCH_EDITORIAL=1 pnpm bench): the staff content list at volume.
// It seeds 100,000 content items (each with its revision and one or two priorities; 65% published,
// the rest spread over the other states; four kinds; 41 authors; updated over three years) with
// set-based INSERT ... SELECT generate_series statements, then measures, signed in as the demo
// editor over HTTP, the content list page (/content, server-rendered) and its API (editorial.list):
// the first page of each order, a keyset page 50,000 items deep, each filter, and title searches;
// p50/p95/p99, target p95 < 100 ms.
// It runs on a PostgreSQL server: DATABASE_URL's server (database observatory_bench_editorial,
// recreated), else postgresql://postgres@127.0.0.1:5432.
// Options (environment): BENCH_EDITORIAL_ITEMS (100000), BENCH_EDITORIAL_REQUESTS (200 per case),
// BENCH_EDITORIAL_REUSE=1 (measure again on the database a previous run seeded, without reseeding).
import { createDb } from "@observatory/db";
import { type Latencies, measure, printLatencies } from "./bench-latency.ts";
import { benchTopics, insertBenchStaff, sqlText, sqlTextArray } from "./bench-seed.ts";
import { admin, benchServerDatabase, signIn, startProduct, stopProduct } from "./bench-product.ts";

const total = Number(process.env.BENCH_EDITORIAL_ITEMS ?? 100_000);
const requests = Number(process.env.BENCH_EDITORIAL_REQUESTS ?? 200);
const serverUrl = benchServerDatabase("observatory_bench_editorial");
const reuse = process.env.BENCH_EDITORIAL_REUSE === "1";
const TARGET_P95_MS = 100;
const AUTHORS = 40;

const formats = ["progress report", "what we heard", "evidence review", "briefing", "next steps", "case study"];

/** A stable pseudo-random choice in 0 .. count - 1 for item number `g`, different for each `what`. */
const pick = (what: string, count: number) => `abs(hashtext('${what}' || g) % ${count})`;

async function seedItems(demoAuthorId: string, workstreamIds: string[]) {
  const seedStart = performance.now();
  // Set-based statements; the few values they need (constants, ids read above) are written into the SQL.
  await insertBenchStaff(db, "author", "AUTHOR", AUTHORS);
  // Each attribute is its own hash of the item's number, so none follows another (a title's first
  // words say nothing of its state or author, as in real content). One item in 41 is the demo author's.
  await db.$executeRawUnsafe(`
    INSERT INTO "ContentItem" ("id", "kind", "slug", "status", "createdById", "createdAt", "updatedAt",
                               "publishAt", "publishedAt", "liveSince", "archivedAt")
    SELECT 'bench_ci_' || g, (ARRAY['NEWS', 'BLOG', 'PRESS_RELEASE', 'PAGE'])[1 + ${pick("kind", 4)}]::"ContentKind",
           'bench-content-' || g, s.status::"ContentStatus",
           CASE ${pick("author", AUTHORS + 1)} WHEN ${AUTHORS} THEN ${sqlText(demoAuthorId)} ELSE 'bench_author_' || (1 + ${pick("author", AUTHORS + 1)}) END,
           t.at - interval '3 days', t.at,
           CASE WHEN s.status = 'SCHEDULED' THEN now() + make_interval(hours => g % 500) END,
           CASE WHEN s.status IN ('PUBLISHED', 'ARCHIVED') THEN t.at - interval '1 day' END,
           CASE WHEN s.status = 'PUBLISHED' THEN t.at - interval '1 day' END,
           CASE WHEN s.status = 'ARCHIVED' THEN t.at END
    FROM generate_series(1, ${total}) AS g,
         LATERAL (SELECT CASE ${pick("status", 20)} WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'DRAFT' WHEN 2 THEN 'IN_REVIEW'
                                     WHEN 3 THEN 'CHANGES_REQUESTED' WHEN 4 THEN 'APPROVED' WHEN 5 THEN 'SCHEDULED'
                                     WHEN 6 THEN 'ARCHIVED' ELSE 'PUBLISHED' END AS status) AS s,
         LATERAL (SELECT now() - make_interval(mins => g * 15) AS at) AS t
    ON CONFLICT DO NOTHING`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Revision" ("id", "itemId", "number", "authorId", "title", "summary", "body", "bodyHtml",
                            "submittedAt", "approvedAt", "createdAt", "updatedAt")
    SELECT 'bench_cr_' || substr(i."id", 10), i."id", 1, i."createdById",
           (${sqlTextArray(benchTopics)})[1 + ${pick("topic", benchTopics.length)}] || ': ' ||
             (${sqlTextArray(formats)})[1 + ${pick("format", formats.length)}] || ' ' || g,
           'What we found, and what should change.', 'The findings of item ' || g || '.',
           '<p>The findings of item ' || g || '.</p>',
           CASE WHEN i."status" NOT IN ('DRAFT', 'CHANGES_REQUESTED') THEN i."updatedAt" END,
           CASE WHEN i."status" IN ('APPROVED', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED') THEN i."updatedAt" END,
           i."updatedAt", i."updatedAt"
    FROM "ContentItem" i, LATERAL (SELECT substr(i."id", 10)::int AS g) AS n
    WHERE i."id" LIKE 'bench_ci_%'
    ON CONFLICT DO NOTHING`);
  await db.$executeRawUnsafe(`
    INSERT INTO "RevisionWorkstream" ("revisionId", "workstreamId")
    SELECT 'bench_cr_' || g, (${sqlTextArray(workstreamIds)})[1 + ${pick("priority", workstreamIds.length)}]
    FROM generate_series(1, ${total}) AS g
    UNION
    SELECT 'bench_cr_' || g, (${sqlTextArray(workstreamIds)})[1 + ${pick("second priority", workstreamIds.length)}]
    FROM generate_series(1, ${total}) AS g WHERE ${pick("has second priority", 3)} = 0
    ON CONFLICT DO NOTHING`);
  // Setting the latest revision also sets the item's title (the trigger that keeps them in step).
  await db.$executeRawUnsafe(`
    UPDATE "ContentItem" SET
      "latestRevisionId" = 'bench_cr_' || substr("id", 10),
      "liveRevisionId" = CASE WHEN "status" = 'PUBLISHED' THEN 'bench_cr_' || substr("id", 10) END,
      "scheduledRevisionId" = CASE WHEN "status" = 'SCHEDULED' THEN 'bench_cr_' || substr("id", 10) END
    WHERE "id" LIKE 'bench_ci_%' AND "latestRevisionId" IS NULL`);
  for (const table of ["User", "ContentItem", "Revision", "RevisionWorkstream"]) {
    await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
  }
  const count = await db.contentItem.count();
  console.log(
    `Seeded ${count.toLocaleString("en-GB")} content items in ${Math.round(performance.now() - seedStart) / 1000} s.`,
  );
}

const cursorOf = (value: string, id: string) => Buffer.from(JSON.stringify([value, id])).toString("base64url");

/** The Europe/London day (d/m/yyyy, as the filter form takes it) `daysAgo` days before now. */
function dayBefore(daysAgo: number): string {
  const [day, month, year] = new Date(Date.now() - daysAgo * 86_400_000)
    .toLocaleDateString("en-GB", { timeZone: "Europe/London" })
    .split("/");
  return `${Number(day)}/${Number(month)}/${year}`;
}

const product = await startProduct({}, !reuse, serverUrl);
const db = createDb(serverUrl, 2);
try {
  const demoAuthor = await db.user.findUniqueOrThrow({ where: { email: "author@observatory.test" } });
  const workstreams = await db.workstream.findMany({ select: { id: true }, orderBy: { position: "asc" } });
  if (!reuse)
    await seedItems(
      demoAuthor.id,
      workstreams.map((w) => w.id),
    );
  const items = await db.contentItem.count({ where: { latestRevisionId: { not: null } } });
  console.log(`${items.toLocaleString("en-GB")} content items.`);

  const cookie = await signIn("editor@observatory.test", "demo-editor-passphrase");
  const headers = { cookie };
  // A page answers 200 and lists bench items (or, for a search with no match, says so).
  const page =
    (query: string, expectRows = true) =>
    async () => {
      const r = await fetch(`${admin}/content${query}`, { headers });
      const html = await r.text();
      const listed = html.includes('href="/content/bench_ci_');
      return r.ok && (expectRows ? listed : html.includes("No content matches these filters."));
    };
  const api = (input: object) => async () => {
    const r = await fetch(`${admin}/api/trpc/editorial.list?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers,
    });
    const body = (await r.json()) as { result?: { data?: { items: unknown[] } } };
    return r.ok && (body.result?.data?.items.length ?? 0) === 25;
  };

  // Keyset positions 50,000 items deep, as the list's own "Next page" links carry them.
  const deepOffset = Math.min(50_000, Math.floor(items / 2));
  const [deepUpdated] = await db.$queryRaw<{ updatedAt: Date; id: string }[]>`
    SELECT "updatedAt", "id" FROM "ContentItem" WHERE "latestRevisionId" IS NOT NULL
    ORDER BY "updatedAt" DESC, "id" DESC OFFSET ${deepOffset} LIMIT 1`;
  const [deepTitle] = await db.$queryRaw<{ title: string; id: string }[]>`
    SELECT "title", "id" FROM "ContentItem" WHERE "latestRevisionId" IS NOT NULL
    ORDER BY "title" ASC, "id" ASC OFFSET ${deepOffset} LIMIT 1`;
  if (!deepUpdated || !deepTitle) throw new Error("the benchmark database has no content");
  const afterUpdated = cursorOf(deepUpdated.updatedAt.toISOString(), deepUpdated.id);
  const afterTitle = cursorOf(deepTitle.title, deepTitle.id);
  const workstreamId = workstreams[1]?.id ?? "";
  const month = `updatedFrom=${encodeURIComponent(dayBefore(400))}&updatedTo=${encodeURIComponent(dayBefore(370))}`;
  const deep = deepOffset.toLocaleString("en-GB");

  await measure("warm-up", 20, 4, page(""));
  const rows: Latencies[] = [];
  const cases: [string, string, boolean?][] = [
    ["GET /content (recently updated first)", ""],
    ["GET /content?sort=updated-asc", "?sort=updated-asc"],
    ["GET /content?sort=title-asc", "?sort=title-asc"],
    [`GET /content (updated, ${deep} deep)`, `?after=${afterUpdated}`],
    [`GET /content?sort=title-asc (${deep} deep)`, `?sort=title-asc&after=${afterTitle}`],
    ["GET /content?status=IN_REVIEW", "?status=IN_REVIEW"],
    ["GET /content?status=DRAFT&sort=title-asc", "?status=DRAFT&sort=title-asc"],
    ["GET /content?kind=PRESS_RELEASE", "?kind=PRESS_RELEASE"],
    ["GET /content?workstreamId=... (a priority)", `?workstreamId=${workstreamId}`],
    ["GET /content?authorId=... (one of 41 authors)", `?authorId=${demoAuthor.id}`],
    ["GET /content?updatedFrom&updatedTo (a month)", `?${month}`],
    ["GET /content?q=sickle (1 in 10 match)", "?q=sickle"],
    ["GET /content?q=sickle&sort=title-asc", "?q=sickle&sort=title-asc"],
    ["GET /content?q=42424 (one match)", "?q=42424"],
    ["GET /content?q=zebra (no match)", "?q=zebra", false],
  ];
  for (const [name, query, expectRows] of cases) rows.push(await measure(name, requests, 1, page(query, expectRows)));
  rows.push(await measure("GET /content (4 editors at once)", requests, 4, page("")));
  rows.push(await measure("editorial.list (API, first page)", requests, 1, api({})));
  rows.push(
    await measure(
      `editorial.list (API, title, ${deep} deep)`,
      requests,
      1,
      api({ sort: "title-asc", after: afterTitle }),
    ),
  );
  rows.push(await measure("editorial.list (API, search)", requests, 1, api({ q: "sickle" })));
  printLatencies(rows);
  const slow = rows.filter((r) => r.p95 >= TARGET_P95_MS);
  const failed = rows.filter((r) => r.failures > 0);
  console.log(
    `\nContent list at ${items.toLocaleString("en-GB")} items: ${slow.length ? `OVER the ${TARGET_P95_MS} ms p95 target: ${slow.map((r) => r.name).join(", ")}` : `every p95 under ${TARGET_P95_MS} ms`}${failed.length ? `; FAILED answers in: ${failed.map((r) => r.name).join(", ")}` : ""}.`,
  );
} finally {
  await db.$disconnect();
  await stopProduct(product);
}
