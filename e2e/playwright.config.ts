import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Both built apps, started by the product's own start script on a fresh database: an embedded one in
// .data/e2e, or (when DATABASE_URL is set) a recreated `observatory_e2e` database on that server.
const repoRoot = path.resolve(import.meta.dirname, "..");
// E2E_PORT_BASE lets two runs on one machine keep out of each other's way.
export const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);
const webPort = portBase;
const adminPort = portBase + 1;
const embeddedPort = portBase + 51_239;
/** The suite's own SMTP server (global-setup.ts): the apps send all their mail there. */
export const smtpPort = portBase + 25;
/** Where that server writes what it receives, for tests to read (see mail.ts). */
export const mailFile = path.join(repoRoot, `.cache/e2e-mail-${portBase}.json`);

function e2eDatabaseUrl(base: string): string {
  const url = new URL(base);
  url.pathname = `/observatory_e2e_${portBase}`;
  return url.toString();
}

/** Spec files that need a PostgreSQL server; scripts/test.mjs reads the same list to share out the rest. */
const serverOnlyJourneys: string[] = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "server-only-journeys.json"), "utf8"),
);

export const urls = { web: `http://localhost:${webPort}`, admin: `http://localhost:${adminPort}` };

/** The database the apps under test use, for tests that check stored state. */
export const databaseUrl = process.env.DATABASE_URL
  ? e2eDatabaseUrl(process.env.DATABASE_URL)
  : `postgresql://postgres@127.0.0.1:${embeddedPort}/postgres`;

export default defineConfig({
  testDir: "./tests",
  // Several instances of each app sharing one database is what a PostgreSQL server is for: the
  // journeys listed in server-only-journeys.json (scale-out) run only when DATABASE_URL names one.
  testIgnore: process.env.DATABASE_URL ? [] : serverOnlyJourneys.map((file) => `**/${file}`),
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: path.join(repoRoot, `.cache/results/e2e-${portBase}.json`) }]],
  globalSetup: "./global-setup.ts",
  // Generous waits: the journeys run in two groups at once on a two-core machine (scripts/test.mjs),
  // so a page can take several seconds when both groups are busy; a passing journey is no slower.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: urls.web,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "pnpm exec tsx scripts/start.ts --fresh",
    cwd: repoRoot,
    url: `${urls.admin}/healthz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    env: {
      WEB_PORT: String(webPort),
      ADMIN_PORT: String(adminPort),
      PUBLIC_SITE_URL: urls.web,
      ADMIN_SITE_URL: urls.admin,
      EMBEDDED_DB_DIR: path.join(repoRoot, `.data/e2e-${portBase}/pglite`),
      EMBEDDED_DB_PORT: String(embeddedPort),
      // The comment form's minimum time is shortened, and the rate limits raised, so journeys can post
      // several comments quickly (the integration tests cover both checks at their real values).
      COMMENT_MIN_SECONDS: "1",
      COMMENT_RATE_LIMIT_IP: "200/600",
      COMMENT_RATE_LIMIT_EMAIL: "200/600",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtpPort),
      // The demo administrator signs in with a password alone, as every journey that signs in as
      // them expects; staff-accounts.spec.ts sets the policy itself where it tests multi-factor.
      MFA_REQUIRED_ROLES: "none",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: databaseUrl } : {}),
    },
  },
});
