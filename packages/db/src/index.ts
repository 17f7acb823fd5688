export {
  configureSharedDb,
  createDb,
  databaseOn,
  getDb,
  pingDatabase,
  poolOf,
  pooledClient,
  queryRows,
  resolveDatabaseUrl,
  describeDbError,
  DatabaseUnavailableError,
} from "./client.ts";
export type { Db, DbOptions, DbOrTransaction } from "./client.ts";
export { listen, PUBLIC_CHANGES_CHANNEL, type Listening, type ListenHandlers } from "./notifications.ts";
export { dbEnv, parseEnv, EnvError, repoRoot } from "./env.ts";
export { refreshSearchIndex, refreshSearchIndexWhere } from "./search.ts";
export { convertMarkdownBodies } from "./migrations/markdown-bodies.ts";
export { Prisma } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";
