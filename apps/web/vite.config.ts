import purgeCss from "@fullhuman/postcss-purgecss";
import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { remixFuture } from "./remix-future";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The stylesheet keeps only the rules whose classes appear in the markup the site can render: its
 * own components, the shared ones, the body document's renderer, and the nhsuk-frontend scripts that
 * add classes as they run. Class names built at run time are listed by pattern (decision 023).
 */
const unusedCss = purgeCss({
  content: [
    "app/**/*.{ts,tsx}",
    "../../packages/ui/src/**/*.tsx",
    "../../packages/content/src/**/*.ts",
    "node_modules/nhsuk-frontend/dist/nhsuk/components/{header,character-count,error-summary,notification-banner}/*.mjs",
  ],
  safelist: {
    standard: [/^nhsuk-(button|tag|icon|list|card|input|textarea|select)--/, /^nhsuk-checkboxes(--|__)/],
  },
});

export default defineConfig({
  server: { port: 3000 },
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  css: {
    postcss: { plugins: [unusedCss] },
    preprocessorOptions: { scss: { loadPaths: ["node_modules"], quietDeps: true } },
  },
  // Native addon and Prisma's runtime stay in node_modules (listed in this app's dependencies).
  ssr: { external: ["@aws-sdk/client-s3", "@node-rs/argon2", "@prisma/client", "@electric-sql/pglite", "pg", "sharp"] },
  plugins: [remix({ future: remixFuture })],
});
