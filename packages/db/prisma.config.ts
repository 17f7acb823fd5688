import { defineConfig } from "prisma/config";

// Only `prisma generate` uses the CLI here; migrations run through tools/migrate.mjs (WASM schema engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
