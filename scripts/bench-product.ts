// Starting and stopping the built product for the benchmarks (scripts/bench.ts and its moderation
// and editorial parts), and signing in to it: `pnpm start`'s own script, on ports and a database of their own.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { databaseOn, repoRoot } from "@observatory/db";

// BENCH_PORT moves them, so that two benchmarks on one machine keep out of each other's way.
export const webPort = Number(process.env.BENCH_PORT ?? 3400);
export const adminPort = webPort + 1;
export const embeddedPort = webPort + 52_000;
export const web = `http://127.0.0.1:${webPort}`;
export const admin = `http://127.0.0.1:${adminPort}`;

/** The database `name` on DATABASE_URL's PostgreSQL server, or on the local one (for the benchmarks that need a server). */
export function benchServerDatabase(name: string): string {
  return databaseOn(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", name);
}

/**
 * Starts both apps on `serverUrl` (a PostgreSQL server database) or, without one, on the embedded
 * database kept in .data/bench-<web port>; `fresh` starts from an empty database.
 */
export function startProduct(
  extraEnv: Record<string, string>,
  fresh: boolean,
  serverUrl: string | null,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(repoRoot, "scripts/start.ts"), ...(fresh ? ["--fresh"] : [])],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        WEB_PORT: String(webPort),
        ADMIN_PORT: String(adminPort),
        PUBLIC_SITE_URL: web,
        ADMIN_SITE_URL: admin,
        EMBEDDED_DB_DIR: path.join(repoRoot, `.data/bench-${webPort}/pglite`),
        EMBEDDED_DB_PORT: String(embeddedPort),
        ...(serverUrl ? { DATABASE_URL: serverUrl } : {}),
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Press Ctrl+C")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the product stopped during start-up (exit ${code})`)));
  });
  return started.then(async () => {
    // Up to a minute: on a busy shared machine the first answer can take that long.
    for (let i = 0; i < 600; i += 1) {
      const ok = await fetch(`${web}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return child;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the web app did not become healthy");
  });
}

export async function stopProduct(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** A comment form post with a fresh token (fetched once: the minimum time is 0 in the benchmarks). */
export async function commentRequest(articlePath: string, emailPrefix: string): Promise<(n: number) => string> {
  const html = await (await fetch(`${web}${articlePath}`)).text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  const itemId = /name="itemId" value="([^"]+)"/.exec(html)?.[1];
  if (!token || !itemId) throw new Error("the benchmark article has no comment form");
  return (n) =>
    new URLSearchParams({
      itemId,
      formToken: token,
      parentId: "",
      name: `Bench reader ${n}`,
      email: `${emailPrefix}${n}@example.org`,
      body: `Benchmark comment ${n}.`,
    }).toString();
}

/** Signs in to the admin (at `adminUrl`) over HTTP, as a browser does; returns the session cookie to send. */
export async function signIn(email: string, password: string, adminUrl = admin): Promise<string> {
  const response = await fetch(`${adminUrl}/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: adminUrl },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("observatory_session="));
  if (!cookie) throw new Error(`signing in as ${email} failed (${response.status})`);
  return cookie;
}
