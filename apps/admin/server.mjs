import { fileURLToPath } from "node:url";
import { startServer } from "@observatory/api/server";

await startServer({
  name: "admin",
  portVariable: "ADMIN_PORT",
  defaultPort: 3001,
  appDir: fileURLToPath(new URL(".", import.meta.url)),
});
