import type { Tx } from "../editorial/common.ts";

/**
 * Carries a revision's attachments onto another (a new revision of the item, or a restored copy):
 * the rows are copied with their `originId` and stored file, so each revision keeps its own list
 * and a change to the draft's never reaches the live revision's (decision 029).
 */
export async function copyAttachments(tx: Tx, fromRevisionId: string, toRevisionId: string): Promise<void> {
  const rows = await tx.attachment.findMany({ where: { revisionId: fromRevisionId } });
  if (!rows.length) return;
  await tx.attachment.createMany({
    data: rows.map(({ id: _id, revisionId: _revisionId, createdAt: _createdAt, document, ...row }) => ({
      ...row,
      revisionId: toRevisionId,
      ...(document === null ? {} : { document }),
    })),
  });
}
