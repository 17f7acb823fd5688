import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { openPglite } from "./pglite.ts";
import { keepStatistics } from "./statistics.ts";
import { WireServer } from "./wire-server.ts";

/**
 * The embedded database: one PGlite data folder, served over the PostgreSQL wire protocol on
 * 127.0.0.1 so that both apps (and the migration and seed tools) share it as if it were a server.
 * Whichever process needs it first serves it; a lock file in the folder keeps a second process
 * from opening the same files.
 */
export type EmbeddedServer = { url: string; port: number; stop: () => Promise<void> };

const HOST = "127.0.0.1";

export function embeddedUrl(port: number): string {
  return `postgresql://postgres@${HOST}:${port}/postgres`;
}

/** Serves a PGlite database (a data folder, or an in-memory one loaded from a dump) on `port`. */
export async function serveDatabase(db: PGlite, port: number): Promise<EmbeddedServer> {
  const server = new WireServer(db);
  await server.listen(port, HOST);
  return {
    url: embeddedUrl(port),
    port,
    stop: async () => {
      await server.close();
      await db.close();
    },
  };
}

export function isPortOpen(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, HOST, () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock, or returns the pid of the live process that holds it. */
function takeLock(lockPath: string): { ok: true } | { ok: false; holder: number } {
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return { ok: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder && holder !== process.pid && isAlive(holder)) return { ok: false, holder };
      fs.rmSync(lockPath, { force: true }); // left by a process that died
    }
  }
}

let owned: Promise<EmbeddedServer> | undefined;

/**
 * Returns the URL of the embedded database in `dataDir`, serving it from this process if no
 * other process does yet.
 */
export async function ensureEmbeddedDatabase(dataDir: string, port: number): Promise<string> {
  if (owned) return (await owned).url;
  if (await isPortOpen(port)) return embeddedUrl(port);
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "observatory.lock");
  const lock = takeLock(lockPath);
  if (!lock.ok) return waitForPort(port, lock.holder);
  owned = (async () => {
    const db = await openPglite(dataDir);
    const server = await serveDatabase(db, port);
    const stopStatistics = keepStatistics(server.url);
    const release = () => fs.rmSync(lockPath, { force: true });
    process.once("exit", release);
    return {
      ...server,
      stop: async () => {
        await stopStatistics();
        await server.stop();
        release();
        owned = undefined;
      },
    };
  })();
  try {
    return (await owned).url;
  } catch (error) {
    owned = undefined;
    fs.rmSync(lockPath, { force: true });
    throw new Error(
      `The embedded database in ${dataDir} could not be opened on port ${port}: ${(error as Error).message}`,
    );
  }
}

/** Stops the embedded database if this process serves it. */
export async function stopEmbeddedDatabase(): Promise<void> {
  const server = await owned;
  await server?.stop();
}

async function waitForPort(port: number, holder: number): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await isPortOpen(port)) return embeddedUrl(port);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The embedded database is held by process ${holder} but is not answering on port ${port}.`);
}
