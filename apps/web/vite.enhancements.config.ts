import { defineConfig } from "vite";
import { enhancementNames } from "./app/lib/enhancement-names";

// The public site's only JavaScript: one small ES module per enhancement (decision 023), built
// after the Remix build into its client folder, with a manifest the server reads to name them.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: "build/client",
    emptyOutDir: false,
    manifest: ".vite/enhancements.json",
    modulePreload: false,
    target: "es2020",
    rollupOptions: {
      input: Object.fromEntries(enhancementNames.map((name) => [name, `app/enhancements/${name}.ts`])),
      output: {
        entryFileNames: "assets/enhance-[name]-[hash].js",
        chunkFileNames: "assets/[name]-[hash].js",
      },
    },
  },
});
