import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["../db/src/testing/global-setup.ts"],
    setupFiles: ["../api/src/testing/setup.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "../../.cache/results/vitest-demo.json" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
