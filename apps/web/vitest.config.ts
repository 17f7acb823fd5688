import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Its own config, so the Remix plugin in vite.config.ts stays out of the tests.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    setupFiles: ["../../packages/api/src/testing/setup.ts"],
    include: ["app/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "../../.cache/results/vitest-web.json" },
  },
});
