import pg from "pg";
import { resolveDatabaseUrl } from "../client.ts";
import { runCli } from "./run.ts";

// Empties the database (every table, type and migration record in the public schema); run
// `migrate:deploy` and `seed` afterwards. Refuses without --yes.
await runCli(async () => {
  if (!process.argv.includes("--yes")) throw new Error("reset deletes every row and table: run it again with --yes");
  const client = new pg.Client({ connectionString: await resolveDatabaseUrl() });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
  console.log("Database emptied. Next: pnpm db:migrate:deploy && pnpm db:seed");
});
