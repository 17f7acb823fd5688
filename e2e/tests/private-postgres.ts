import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// A PostgreSQL server of the test's own, from the machine's PostgreSQL binaries, that the test may
// stop and start without disturbing anything else using the machine's server.

const binDir = (() => {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const version = fs
    .readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .find((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl")));
  return version ? path.join(root, version, "bin") : null;
})();

export type PrivatePostgres = {
  url: (database: string) => string;
  /** Stops the server (fast shutdown: connections are cut, as in a crash or a failover). */
  down(): void;
  up(): void;
  /** Stops it for good and removes its files. */
  remove(): void;
};

/** PostgreSQL refuses to run as root: as root, it runs as the postgres user. */
function run(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: "pipe" });
}

export function startPrivatePostgres(port: number): PrivatePostgres {
  // scripts/test.mjs installs PostgreSQL where it is missing.
  if (!binDir) throw new Error("PostgreSQL's server is not installed: apt-get install postgresql");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "observatory-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const pgCtl = path.join(binDir, "pg_ctl");
  run(path.join(binDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run(pgCtl, ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  const stopServer = () => run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  let running = true;
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    down() {
      stopServer();
      running = false;
    },
    up() {
      start();
      running = true;
    },
    remove() {
      try {
        if (running) stopServer();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
