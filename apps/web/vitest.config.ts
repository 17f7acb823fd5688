import { defineConfig } from "vitest/config";

// Its own config, so the Remix plugin in vite.config.ts stays out of the tests.
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "../../.cache/results/vitest-web.json" },
  },
});
