import { afterEach, describe, expect, it } from "vitest";
import { type AppProcess, type Supervisor, supervise } from "./supervisor.ts";

// Real processes, started, killed and started again; only the pauses between restarts are recorded
// instead of slept through.
const app = (name: string, script: string): AppProcess => ({
  name,
  command: process.execPath,
  args: ["-e", script],
  cwd: process.cwd(),
  env: process.env,
});
const serving = (name: string) => app(name, "setInterval(() => {}, 1000)");

function until(condition: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > 10_000) return reject(new Error(`gave up waiting for ${what}`));
      setTimeout(check, 20);
    };
    check();
  });
}

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the process supervisor", () => {
  let supervisor: Supervisor | null = null;
  afterEach(async () => {
    await supervisor?.stop();
    supervisor = null;
  });

  it("starts a killed app again and keeps the other one running", async () => {
    const pauses: number[] = [];
    const messages: string[] = [];
    supervisor = supervise([serving("web"), serving("admin")], {
      wait: async (ms) => {
        pauses.push(ms);
      },
      log: (message) => messages.push(message),
    });
    const s = supervisor;
    await until(() => alive(s.processOf("web")?.pid) && alive(s.processOf("admin")?.pid), "both apps");
    const web = s.processOf("web")?.pid;
    const admin = s.processOf("admin")?.pid;
    process.kill(web as number, "SIGKILL");
    await until(() => {
      const pid = s.processOf("web")?.pid;
      return pid !== undefined && pid !== web && alive(pid);
    }, "the web app to start again");
    expect(s.processOf("admin")?.pid).toBe(admin);
    expect(alive(admin)).toBe(true);
    expect(messages).toEqual(["The web app stopped (SIGKILL); starting it again in 0.5 s."]);
    expect(pauses).toEqual([500]);
  });

  it("waits twice as long after each quick failure, up to a ceiling, and from the start again after a healthy run", async () => {
    const pauses: number[] = [];
    let clock = 0;
    supervisor = supervise([app("failing", "process.exit(3)")], {
      minDelayMs: 100,
      maxDelayMs: 1_000,
      healthyAfterMs: 60_000,
      wait: async (ms) => {
        pauses.push(ms);
      },
      log: () => {},
      now: () => clock,
    });
    await until(() => pauses.length >= 6, "six restarts");
    expect(pauses.slice(0, 6)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    await supervisor.stop();

    const later: number[] = [];
    supervisor = supervise([serving("web")], {
      minDelayMs: 100,
      healthyAfterMs: 60_000,
      wait: async (ms) => {
        later.push(ms);
      },
      log: () => {},
      now: () => clock,
    });
    const s = supervisor;
    await until(() => alive(s.processOf("web")?.pid), "the web app");
    clock += 60_000;
    process.kill(s.processOf("web")?.pid as number, "SIGKILL");
    await until(() => later.length === 1, "a restart");
    expect(later).toEqual([100]);
  });

  it("starts nothing again once stopped", async () => {
    const pauses: number[] = [];
    supervisor = supervise([serving("web")], {
      wait: async (ms) => {
        pauses.push(ms);
      },
      log: () => {},
    });
    const s = supervisor;
    await until(() => alive(s.processOf("web")?.pid), "the web app");
    const pid = s.processOf("web")?.pid;
    await s.stop();
    expect(alive(pid)).toBe(false);
    expect(pauses).toEqual([]);
    expect(s.processOf("web")).toBeUndefined();
  });
});
