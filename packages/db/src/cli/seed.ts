import { createDb, pingDatabase, resolveDatabaseUrl } from "../client.ts";
import { seed } from "../seed/index.ts";
import { runCli } from "./run.ts";

await runCli(async () => {
  const db = createDb(await resolveDatabaseUrl(), 2);
  await pingDatabase(db);
  const summary = await seed(db);
  console.log(
    `Seeded ${summary.users} demo users, ${summary.workstreams} priorities, ${summary.items} items and ${summary.comments} comments (existing rows kept).`,
  );
  await db.$disconnect();
});
