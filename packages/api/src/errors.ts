import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

/**
 * The one error type services throw. `fields` carries per-field messages for forms; the tRPC error
 * formatter maps the code to a tRPC code (and so an HTTP status) in one place.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);

// AppError codes are a subset of tRPC's, so the mapping is the identity; kept explicit for readers.
export const trpcCodeFor = (code: AppErrorCode): TRPC_ERROR_CODE_KEY => code;

/**
 * Prisma's "the row this refers to does not exist" (P2025) or "refers to a row that does not exist"
 * (P2003, a foreign key): a stale or invented id sent by a client, answered as not found.
 */
export function isMissingRowError(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== "PrismaClientKnownRequestError") return false;
  const code = (error as Error & { code?: unknown }).code;
  return code === "P2025" || code === "P2003";
}
