export { appRouter, type AppRouter } from "./root.ts";
export { createCaller, callerFor } from "./caller.ts";
export { createContext } from "./context.ts";
export { handleTrpcRequest, TRPC_ENDPOINT } from "./http/trpc-handler.ts";
export { apiEnv } from "./env.ts";
export { AppError } from "./errors.ts";
export { can, permissions, permissionTable, roles, roleLabels, type Permission, type Role } from "./permissions.ts";
export type { Context, Access } from "./trpc.ts";
