import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Every core: a test file waits on its database much of the time (vitest leaves one core idle).
    maxWorkers: availableParallelism(),
    // Each worker imports the API once for all the files it runs, not once per file: the imports
    // took 120 of the step's seconds. Every file still has its own database (the harness), and the
    // API's configuration is set again before each file (setupFiles).
    isolate: false,
    include: ["src/**/*.test.ts"],
    globalSetup: ["../db/src/testing/global-setup.ts"],
    setupFiles: ["./src/testing/setup.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "../../.cache/results/vitest-api.json" },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
