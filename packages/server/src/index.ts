export { startServer } from "./http-server.ts";
