import { dbEnv } from "../env.ts";
import { ensureEmbeddedDatabase, stopEmbeddedDatabase } from "../embedded/server.ts";

// Serves the embedded database in the foreground (the apps otherwise serve it on demand).
const env = dbEnv();
const url = await ensureEmbeddedDatabase(env.EMBEDDED_DB_DIR, env.EMBEDDED_DB_PORT);
console.log(`Embedded database (${env.EMBEDDED_DB_DIR}) at ${url}`);
const stop = async () => {
  await stopEmbeddedDatabase();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
