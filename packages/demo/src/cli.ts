import { createDb, pingDatabase, resolveDatabaseUrl } from "@observatory/db";
import { runCli } from "@observatory/db/cli";
import { configureApiFromEnv } from "@observatory/server/configure";
import { seed } from "./seed.ts";

await runCli(async () => {
  // The seed puts the demo pictures in the media library, wherever the environment keeps it.
  configureApiFromEnv();
  const db = createDb(await resolveDatabaseUrl(), 2);
  await pingDatabase(db);
  const summary = await seed(db);
  console.log(
    `Seeded ${summary.users} demo users, ${summary.workstreams} priorities, ${summary.items} items and ${summary.comments} comments (existing rows kept).`,
  );
  await db.$disconnect();
});
