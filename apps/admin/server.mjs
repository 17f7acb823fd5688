// Started with `node --experimental-strip-types` (scripts/start.ts): the hosting package is TypeScript.
import { fileURLToPath } from "node:url";
import { startServer } from "@observatory/server";

await startServer({ app: "admin", appDir: fileURLToPath(new URL(".", import.meta.url)) });
