// The benchmark's yardsticks: a static-file server answering with the very bytes the site served
// (nginx where installed, else a minimal Node server), so that each cached page's rate is printed as
// a ratio to what this machine can serve at all, measured in the same run; and the web process's
// peak memory.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

export type StaticPage = { name: string; body: Buffer; contentType: string };
export type Reference = { name: string; urlOf: (page: StaticPage) => string; stop: () => Promise<void> };

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => fs.existsSync(file));

/** Serves `pages` from disk with nginx (all cores, as it would be run), or from memory with Node. */
export async function startReference(pages: StaticPage[], port: number): Promise<Reference> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "observatory-bench-reference-"));
  for (const page of pages) fs.writeFileSync(path.join(dir, `${page.name}.html`), page.body);
  const urlOf = (page: StaticPage) => `http://127.0.0.1:${port}/${page.name}.html`;
  if (NGINX) {
    const conf = path.join(dir, "nginx.conf");
    fs.writeFileSync(
      conf,
      `worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  types { text/html html; }
  sendfile on;
  server { listen 127.0.0.1:${port}; root ${dir}; }
}
`,
    );
    const child = spawn(NGINX, ["-c", conf, "-g", "daemon off;"], { stdio: "inherit" });
    await waitFor(urlOf(pages[0] as StaticPage));
    return { name: "nginx (all cores)", urlOf, stop: () => stopChild(child, dir) };
  }
  const bodies = new Map(pages.map((page) => [`/${page.name}.html`, page]));
  const server = http.createServer((req, res) => {
    const page = bodies.get(req.url ?? "");
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": page.contentType, "content-length": page.body.length }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    name: "Node static server (one process; nginx is not installed)",
    urlOf,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the reference server did not answer at ${url}`);
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGQUIT");
  await exited;
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The process listening on `port` (the web app, under the supervisor). */
export function listenerPid(port: number): number | null {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  return pid ? Number(pid) : null;
}

/** The most memory the process has held resident since it started (VmHWM), in MB. */
export function peakRssMb(pid: number): number | null {
  return statusMb(pid, "VmHWM");
}

/** The memory the process holds resident now (VmRSS), in MB. */
export function rssMb(pid: number): number | null {
  return statusMb(pid, "VmRSS");
}

function statusMb(pid: number, field: string): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}
