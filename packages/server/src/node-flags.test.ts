import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appNodeFlags } from "./node-flags.ts";

describe("appNodeFlags", () => {
  it("are flags this Node accepts (an unknown one would stop every app at start)", () => {
    const run = spawnSync(process.execPath, [...appNodeFlags, "-e", "process.stdout.write('started')"], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("started");
  });

  it("are the ones the README's production command and service unit start each app with", () => {
    // The README writes the command out for people to copy; it must not drift from what `pnpm start` runs.
    const readme = fs.readFileSync(path.join(import.meta.dirname, "../../../README.md"), "utf8");
    const commands = [...readme.replaceAll(/\s*\n\s*/g, " ").matchAll(/node ((?:--[\w-]+(?:=\S+)? )+)server\.mjs/g)];
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const [, flags = ""] of commands) expect(flags.trim().split(" ")).toEqual(appNodeFlags);
  });
});
