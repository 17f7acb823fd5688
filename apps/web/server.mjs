import { fileURLToPath } from "node:url";
import { startServer } from "@observatory/api/server";

await startServer({
  name: "web",
  portVariable: "WEB_PORT",
  defaultPort: 3000,
  appDir: fileURLToPath(new URL(".", import.meta.url)),
});
