/**
 * A pattern for `ILIKE` that matches text containing `text` as typed: its `%`, `_` and `\` are
 * matched as themselves, not as wildcards (PostgreSQL's default escape character is `\`).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}
