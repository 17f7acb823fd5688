import { createHash } from "node:crypto";

// Names for Prisma's statements, so that `pg` prepares each once per connection and PostgreSQL
// keeps its plan, instead of parsing and planning the same text on every query (decision 035).
// A name is made from the text, so the same statement has the same name in every process and on
// every connection (the embedded database's one session shares them: embedded/wire-server.ts).

/** Past this many different texts, a process's further statements go unnamed (one plan each time). */
export const MAX_NAMED_STATEMENTS = 500;

/**
 * A name generator for the adapter's `statementNameGenerator`: the same name for the same text, and
 * "" (an unnamed statement) once `limit` texts have been named, so that a process that builds SQL
 * with its values inside cannot make a connection keep a plan for each one.
 */
export function statementNames(limit = MAX_NAMED_STATEMENTS): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= limit) return "";
    const name = `s_${createHash("sha256").update(sql).digest("base64url").slice(0, 32)}`;
    names.set(sql, name);
    return name;
  };
}
