import { spawnSync } from "node:child_process";
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
});
