import type { Db, Prisma } from "@observatory/db";
import type { RequestMeta } from "../request-meta.ts";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  summary: string;
  data?: Prisma.InputJsonValue;
};

type Writer = Pick<Db, "auditEvent">;

/**
 * Records a staff mutation (who, what, which target, when, keyed IP hash). Call it with the same
 * transaction client as the change, so that the change and its audit event commit together.
 */
export async function recordAudit(
  tx: Writer,
  ctx: { user: { id: string } | null; request: Pick<RequestMeta, "ipHash"> },
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: ctx.user?.id ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      summary: entry.summary,
      ipHash: ctx.request.ipHash,
      data: entry.data,
    },
  });
}
