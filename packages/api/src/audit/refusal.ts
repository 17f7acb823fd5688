import type { Context } from "../trpc.ts";
import { recordAudit } from "./record.ts";

/** The input fields that name what a procedure acts on; nothing else of the input is recorded. */
const targetFields = ["id", "itemId", "commentId", "revisionId", "userId", "parentId", "workstreamId"] as const;

/** What a refused call was aimed at, from its (unvalidated) input: one id, or how many comments. */
export function targetOf(input: unknown): string | null {
  if (typeof input !== "object" || input === null) return null;
  const fields = input as Record<string, unknown>;
  for (const field of targetFields) {
    const value = fields[field];
    if (typeof value === "string" && value.length > 0 && value.length <= 100) return value;
  }
  return Array.isArray(fields.comments) ? `${fields.comments.length} comments` : null;
}

/**
 * Records that a signed-in user was refused a procedure (FORBIDDEN): who, which procedure and what
 * it was aimed at. Filed under the procedure (target type "Procedure"), so the log's filters find
 * every refusal of one procedure, one person's refusals, or all of them (action "access.refused").
 */
export async function recordRefusal(
  ctx: Pick<Context, "db" | "request">,
  user: { id: string; name: string },
  procedure: string,
  input: unknown,
): Promise<void> {
  const target = targetOf(input);
  await recordAudit(
    ctx.db,
    { user, request: ctx.request },
    {
      action: "access.refused",
      targetType: "Procedure",
      targetId: procedure,
      summary: `${user.name} was refused ${procedure}${target ? ` (on ${target})` : ""}`,
      data: { procedure, target },
    },
  );
}
