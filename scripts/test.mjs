// `pnpm test`: every check the project has, in order, on the embedded database (or on the
// PostgreSQL server named by DATABASE_URL). Ends with one "N passed, N failed" line.
import { spawn, spawnSync } from "node:child_process";
import readline from "node:readline";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, ".cache", "results");
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
// On a PostgreSQL server every database the tests make is thrown away afterwards, so their commits
// need not wait for the disk (about 3 ms each on this machine): the server's own settings are left
// as they are, the tests' sessions ask for it.
if (env.DATABASE_URL && !env.PGOPTIONS) env.PGOPTIONS = "-c synchronous_commit=off";
const steps = [
  ["lint", ["exec", "biome", "check", "."]],
  ["typecheck", ["exec", "turbo", "run", "typecheck", "--output-logs=errors-only"]],
  ["typecheck scripts", ["exec", "tsc", "-p", "tsconfig.json"]],
  ["unit and integration tests", ["exec", "turbo", "run", "test", "--concurrency=1"]],
  ["build", ["exec", "turbo", "run", "build", "--output-logs=errors-only"]],
  ["end-to-end tests", endToEnd],
];

// The end-to-end tests drive Debian's Chromium, check pages with the Nu HTML Checker (a Java program),
// and the database-outage journey stops and starts a PostgreSQL server of its own: install what is
// missing when allowed to.
function ensurePackage(name, present, hint) {
  if (present()) return;
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    console.log(`Installing ${name} (apt-get install ${name}) for the end-to-end tests.`);
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", name], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!present()) {
    console.error(`The end-to-end tests need ${hint}.`);
    process.exit(1);
  }
}
ensurePackage(
  "chromium",
  () => Boolean(process.env.CHROMIUM_PATH) || fs.existsSync("/usr/bin/chromium"),
  "Chromium: apt-get install chromium (or set CHROMIUM_PATH)",
);
ensurePackage(
  "default-jre-headless",
  () => spawnSync("java", ["-version"], { stdio: "ignore" }).status === 0,
  "Java for the Nu HTML Checker: apt-get install default-jre-headless",
);
// The scale-out journey (on a PostgreSQL server only) puts nginx in front of two instances of each app.
if (process.env.DATABASE_URL)
  ensurePackage(
    "nginx-light",
    () => fs.existsSync("/usr/sbin/nginx"),
    "nginx for the scale-out journey: apt-get install nginx-light",
  );
ensurePackage(
  "postgresql",
  () => fs.existsSync("/usr/lib/postgresql"),
  "PostgreSQL's server: apt-get install postgresql",
);

// The journeys run in E2E_SHARDS groups of whole spec files at once (default 2), each against its own
// pair of apps, database and mail server on its own ports (E2E_PORT_BASE): one group leaves the
// machine's cores half idle while pages render and the browser waits (decision 025). The files are
// shared out by the seconds each took when last measured (e2e/journey-seconds.json; a file not
// listed counts as 30 s), the longest first, each to the group with the least so far.
// Files that run only on a PostgreSQL server (e2e/server-only-journeys.json, which the Playwright
// config also reads) are left out of the sharing on the embedded database, or one group would be short.
function journeyGroups(count) {
  const seconds = JSON.parse(fs.readFileSync(path.join(root, "e2e", "journey-seconds.json"), "utf8"));
  const serverOnly = JSON.parse(fs.readFileSync(path.join(root, "e2e", "server-only-journeys.json"), "utf8"));
  const files = fs
    .readdirSync(path.join(root, "e2e", "tests"))
    .filter((file) => file.endsWith(".spec.ts") && (process.env.DATABASE_URL || !serverOnly.includes(file)))
    .sort((a, b) => (seconds[b] ?? 30) - (seconds[a] ?? 30) || a.localeCompare(b));
  const groups = Array.from({ length: count }, () => ({ files: [], seconds: 0 }));
  for (const file of files) {
    const group = groups.reduce((least, g) => (g.seconds < least.seconds ? g : least));
    group.files.push(file);
    group.seconds += seconds[file] ?? 30;
  }
  return groups.map((group) => group.files.sort());
}

function endToEnd() {
  const shards = Math.max(1, Number(process.env.E2E_SHARDS ?? 2));
  const groups = shards > 1 ? journeyGroups(shards) : [[]];
  const runs = groups.map((files, index) => {
    const label = shards > 1 ? `[e2e ${index + 1}/${shards}] ` : "";
    const args = ["--filter", "@observatory/e2e", "exec", "playwright", "test"];
    // Playwright takes each argument as a pattern for the file's path.
    for (const file of files) args.push(`tests/${file.replaceAll(".", "\\.")}$`);
    const child = spawn("pnpm", args, {
      cwd: root,
      env: { ...env, E2E_PORT_BASE: String(3100 + index * 600) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on("line", (line) => console.log(label + line));
    }
    return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  });
  return Promise.all(runs).then((codes) => ({ status: codes.every((code) => code === 0) ? 0 : 1 }));
}

const database = process.env.DATABASE_URL ? "the PostgreSQL server in DATABASE_URL" : "the embedded database";
console.log(`Testing on ${database}.`);
let failedStep = null;
for (const [name, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const run = typeof args === "function" ? await args() : spawnSync("pnpm", args, { cwd: root, env, stdio: "inherit" });
  console.log(`=== ${name}: ${run.status === 0 ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (run.status !== 0) {
    failedStep = name;
    break;
  }
}

let passed = 0;
let failed = 0;
for (const file of fs.existsSync(results) ? fs.readdirSync(results) : []) {
  const report = JSON.parse(fs.readFileSync(path.join(results, file), "utf8"));
  if (report.stats) {
    passed += report.stats.expected ?? 0;
    failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
  } else {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
  }
}
if (failedStep) console.log(`\nFailed at: ${failedStep}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedStep || failed ? 1 : 0);
