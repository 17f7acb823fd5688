// `pnpm bench`: load-tests the production build of the public site and prints requests/s and
// p50/p99 latency per endpoint. It seeds a realistic volume (240 published items, one article with
// 200 approved threaded comments) into its own database, then runs autocannon at 32 connections
// for 20 s per endpoint: each cached page beside a static-file server answering with the same bytes
// (scripts/bench-reference.ts), with the ratio; the article compressed as browsers ask for it; the
// article uncached (a new address each request); and comment posts. It counts stored comments against accepted submissions, prints the web
// process's peak memory, and finally restarts the apps with the comment rate limits on to show
// that they hold.
// Then it prints what each public page type weighs (scripts/bench-weight.ts) and fails when one
// loads more than 15 KB of JavaScript; --lighthouse (or BENCH_LIGHTHOUSE=1) adds Lighthouse's mobile
// run of the main page types, and --weight (BENCH_WEIGHT=1) measures only the weights.
// Options (environment): BENCH_SECONDS (20), BENCH_CONNECTIONS (32), DATABASE_URL (else embedded).
import { createDb, databaseOn } from "@observatory/db";
import { seedVolume } from "@observatory/demo";
import autocannon from "autocannon";
import { commentRequest, embeddedPort, startProduct, stopProduct, web, webPort } from "./bench-product.ts";
import { listenerPid, peakRssMb, rssMb, type StaticPage, startReference } from "./bench-reference.ts";
import { measurePageWeights, printPageWeights, runLighthouse } from "./bench-weight.ts";

if (process.argv.includes("--moderation") || process.env.BENCH_MODERATION === "1") {
  // The moderation benchmark (1M comments) is its own, longer run: see scripts/bench-moderation.ts.
  await import("./bench-moderation.ts");
  process.exit(0);
}
if (process.argv.includes("--audit") || process.env.BENCH_AUDIT === "1") {
  // The audit log's search and export at a million events: see scripts/bench-audit.ts.
  await import("./bench-audit.ts");
  process.exit(0);
}
if (process.argv.includes("--editorial") || process.env.BENCH_EDITORIAL === "1") {
  // The content list at 100,000 items: see scripts/bench-editorial.ts.
  await import("./bench-editorial.ts");
  process.exit(0);
}

const withLighthouse = process.argv.includes("--lighthouse") || process.env.BENCH_LIGHTHOUSE === "1";

/** Prints the page weights (and Lighthouse's figures); returns whether every page is within the budget. */
async function weighPages(): Promise<boolean> {
  const over = printPageWeights(await measurePageWeights(web));
  if (withLighthouse) await runLighthouse(web);
  if (over.length)
    console.error(`\nFAILED: public pages over the JavaScript limit of 15 KB (gzip): ${over.join("; ")}`);
  return over.length === 0;
}

if (process.argv.includes("--weight") || process.env.BENCH_WEIGHT === "1") {
  const product = await startProduct({}, true, null);
  let withinBudget = false;
  try {
    withinBudget = await weighPages();
  } finally {
    await stopProduct(product);
  }
  process.exit(withinBudget ? 0 : 1);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const serverUrl = process.env.DATABASE_URL ? databaseOn(process.env.DATABASE_URL, "observatory_bench") : null;
const databaseUrl = serverUrl ?? `postgresql://postgres@127.0.0.1:${embeddedPort}/postgres`;

type Row = {
  endpoint: string;
  /** This row's rate as a share of the reference's for the same bytes. */
  ratio?: string;
  /** The web process's resident memory after the row's run, in MB. */
  rss?: number | null;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

async function load(
  endpoint: string,
  options: Partial<autocannon.Options>,
): Promise<Row & { result: autocannon.Result }> {
  const result = await autocannon({ url: web, connections, duration: seconds, ...options });
  const pid = options.url?.startsWith(web) ? listenerPid(webPort) : null;
  return {
    rss: pid ? rssMb(pid) : null,
    endpoint,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    result,
  };
}

const print = (rows: Row[]) => {
  console.log(
    "\nendpoint                                 requests    req/s    p50 ms   p99 ms   errors   non-2xx   web RSS MB   ours/reference",
  );
  for (const r of rows) {
    console.log(
      `${r.endpoint.padEnd(40)} ${String(r.requests).padStart(8)} ${String(r.rps).padStart(8)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.non2xx).padStart(9)} ${String(r.rss ?? "").padStart(12)}   ${r.ratio ?? ""}`,
    );
  }
};

let n = 0;
const nextNumber = () => {
  n += 1;
  return n;
};

let product = await startProduct(
  { COMMENT_MIN_SECONDS: "0", COMMENT_RATE_LIMIT_IP: "0/60", COMMENT_RATE_LIMIT_EMAIL: "0/60" },
  true,
  serverUrl,
);
const db = createDb(databaseUrl, 2);
let withinBudget = false;
try {
  const { articlePath } = await seedVolume(db);
  console.log(`Seeded the benchmark volume; ${connections} connections, ${seconds} s per endpoint.`);
  const rows: Row[] = [];
  const cached = [
    { name: "home", label: "GET / (home)", path: "/" },
    { name: "article", label: `GET ${articlePath} (200 comments)`, path: articlePath },
    { name: "listing", label: "GET /news?page=2 (listing)", path: "/news?page=2" },
  ];
  // The reference serves each page's bytes as the site sent them (uncompressed: the load generator
  // asks for no encoding).
  const pages: StaticPage[] = [];
  for (const page of cached) {
    const response = await fetch(`${web}${page.path}`);
    pages.push({
      name: page.name,
      body: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get("content-type") ?? "text/html",
    });
  }
  const reference = await startReference(pages, webPort + 10);
  console.log(`Reference for cached pages: ${reference.name}, serving the same bytes.`);
  try {
    for (const [i, page] of cached.entries()) {
      const ours = await load(page.label, { url: `${web}${page.path}` });
      const theirs = await load(`  same bytes from ${reference.name.split(" ")[0]}`, {
        url: reference.urlOf(pages[i] as StaticPage),
      });
      ours.ratio = (ours.rps / Math.max(1, theirs.rps)).toFixed(2);
      rows.push(ours, theirs);
    }
  } finally {
    await reference.stop();
  }
  // The article as browsers ask for it, compressed: gzip made from the page's pieces compressed once.
  rows.push(
    await load(`GET ${articlePath} (as browsers ask: gzip, br)`, {
      url: `${web}${articlePath}`,
      headers: { "accept-encoding": "gzip, deflate, br, zstd" },
    }),
  );
  // Each request a new address, so none is answered from the page cache.
  let uncached = 0;
  rows.push(
    await load(`GET ${articlePath}?n (not cached)`, {
      url: `${web}${articlePath}`,
      requests: [
        {
          setupRequest: (req) => {
            uncached += 1;
            return { ...req, path: `${articlePath}?n=${uncached}` };
          },
        },
      ],
    }),
  );

  const form = await commentRequest(articlePath, "bench-");
  const before = await db.comment.count({ where: { authorEmail: { startsWith: "bench-" } } });
  const posting = await load(`POST ${articlePath} (comment)`, {
    url: `${web}${articlePath}`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    requests: [{ setupRequest: (req) => ({ ...req, body: form(nextNumber()) }) }],
  });
  rows.push(posting);
  // A stored comment answers 303 (redirect to the confirmation); anything else was refused. Requests
  // still in flight when the run stops may be stored without their answer being counted.
  const sent = n;
  const accepted = posting.result.statusCodeStats?.["303"]?.count ?? 0;
  const stored = (await db.comment.count({ where: { authorEmail: { startsWith: "bench-" } } })) - before;
  print(rows);
  const pid = listenerPid(webPort);
  console.log(`\nThe web process's peak memory (resident, VmHWM): ${pid ? `${peakRssMb(pid)} MB` : "not found"}.`);
  const consistent = accepted <= stored && stored <= sent;
  console.log(
    `\nComment submissions: ${sent} sent, ${accepted} accepted (303), ${stored} stored (${stored - accepted} of them answered after the run stopped): ${consistent ? "every accepted comment is stored" : "MISMATCH"}.`,
  );
  withinBudget = await weighPages();

  await stopProduct(product);
  product = await startProduct({ COMMENT_MIN_SECONDS: "0" }, false, serverUrl);
  const limited = await autocannon({
    url: `${web}${articlePath}`,
    connections: 4,
    amount: 40,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    requests: [{ setupRequest: (req) => ({ ...req, body: form(nextNumber()) }) }],
  });
  const limitedAccepted = limited.statusCodeStats?.["303"]?.count ?? 0;
  const limitedRefused = limited.statusCodeStats?.["429"]?.count ?? 0;
  console.log(
    `With the default rate limits (5 per IP per 10 minutes): 40 submissions from one address, ${limitedAccepted} accepted, ${limitedRefused} refused with 429 (answers: ${JSON.stringify(limited.statusCodeStats)}).`,
  );
} finally {
  await db.$disconnect();
  await stopProduct(product);
}
process.exit(withinBudget ? 0 : 1);
