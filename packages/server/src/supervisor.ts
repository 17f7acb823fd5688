// Keeps the product's app processes running: an app that stops on its own (a crash, kill -9, running
// out of memory) is started again after a pause that doubles with each quick failure, while the
// others keep serving. Used by `pnpm start` (scripts/start.ts); under systemd or a container
// orchestrator each app runs as its own service instead, and that restarts it (see the README).
import { type ChildProcess, spawn } from "node:child_process";

export type AppProcess = { name: string; command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv };

export type SupervisorOptions = {
  /** The first pause before a restart; doubled after each start that did not last. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A run this long counts as healthy: the next failure starts from the first pause again. */
  healthyAfterMs?: number;
  log?: (message: string) => void;
  /** How a restart waits (tests record the pauses instead of sleeping through them). */
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
};

export type Supervisor = {
  /** The running process of `name`, if it is up. */
  processOf(name: string): ChildProcess | undefined;
  /** Stops every app (SIGTERM) and starts none again. */
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function supervise(apps: AppProcess[], options: SupervisorOptions = {}): Supervisor {
  const {
    minDelayMs = 500,
    maxDelayMs = 30_000,
    healthyAfterMs = 30_000,
    log = console.error,
    wait = sleep,
    now = Date.now,
  } = options;
  const running = new Map<string, ChildProcess>();
  let stopping = false;

  function start(app: AppProcess, delayMs: number): void {
    const startedAt = now();
    const child = spawn(app.command, app.args, { cwd: app.cwd, env: app.env, stdio: ["ignore", "inherit", "inherit"] });
    running.set(app.name, child);
    child.on("exit", (code, signal) => {
      if (running.get(app.name) === child) running.delete(app.name);
      if (stopping) return;
      const lasted = now() - startedAt >= healthyAfterMs;
      const pause = lasted ? minDelayMs : delayMs;
      log(
        `The ${app.name} app stopped (${signal ?? `exit code ${code}`}); starting it again in ${(pause / 1000).toFixed(1)} s.`,
      );
      wait(pause).then(() => {
        if (!stopping) start(app, Math.min(pause * 2, maxDelayMs));
      });
    });
  }

  for (const app of apps) start(app, minDelayMs);

  return {
    processOf: (name) => running.get(name),
    async stop() {
      stopping = true;
      await Promise.all(
        [...running.values()].map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
