import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The repository root (the nearest folder up from the working directory with pnpm-workspace.yaml):
 * the embedded database lives in `<root>/.data` unless told otherwise. Found from the working
 * directory, not this file, because the apps run this code bundled into their build folders.
 */
export const repoRoot = findRepoRoot(process.cwd());

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /**
   * A direct connection for listening to change notifications, when DATABASE_URL goes through a
   * pooler in transaction mode (which cannot keep a LISTEN); DATABASE_URL otherwise.
   */
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL")
    .optional(),
  EMBEDDED_DB_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, ".data", "pglite")),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(8),
  /** Named (prepared) statements; "false" behind a transaction-mode pooler that cannot keep them. */
  DB_PREPARED_STATEMENTS: z
    .enum(["true", "false"], "must be true or false")
    .default("true")
    .transform((v) => v === "true"),
});

export type DbEnv = z.infer<typeof schema>;

/** Thrown for a missing or malformed variable; start-up scripts print its one-line message. */
export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates the variables this package reads, naming the first bad one. */
export function parseEnv<T extends z.ZodType>(shape: T, source: NodeJS.ProcessEnv): z.infer<T> {
  const result = shape.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue?.path.join(".") ?? "environment";
  throw new EnvError(`Invalid environment variable ${name}: ${issue?.message ?? "invalid"}`);
}

let cached: DbEnv | undefined;
export function dbEnv(): DbEnv {
  cached ??= parseEnv(schema, process.env);
  return cached;
}
