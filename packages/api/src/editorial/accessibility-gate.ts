import type { Finding } from "@observatory/content";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { checkBody, storedDocument } from "../content/body.ts";
import { AppError, notFound } from "../errors.ts";
import { lockItem, type StaffContext, type Tx } from "./common.ts";

// The accessibility check, enforced: a revision with errors cannot be submitted, published or
// scheduled; one with warnings can, once someone has accepted them with a reason. Acceptances stay
// with the revision (a warning accepted at submission needs no second reason at publication) and
// each is audited.

export type Acceptance = {
  key: string;
  rule: string;
  message: string;
  reason: string;
  userId: string;
  userName: string;
  at: string;
};

/** Why the warnings can stand, as typed beside them; empty when there are none to accept. */
export const warningsReason = z.string().trim().max(2000, "Keep the reason to 2,000 characters or fewer").default("");

export function acceptancesOf(stored: unknown): Acceptance[] {
  return Array.isArray(stored) ? (stored as Acceptance[]) : [];
}

/** The warnings in `findings` nobody has accepted yet for this revision. */
export function unacceptedWarnings(findings: Finding[], acceptances: Acceptance[]): Finding[] {
  const accepted = new Set(acceptances.map((a) => a.key));
  return findings.filter((f) => f.severity === "warning" && !accepted.has(f.key));
}

type GatedRevision = {
  id: string;
  number: number;
  title: string;
  document: unknown;
  accessibilityAcceptances: unknown;
};

/**
 * Refuses to let the revision go further while its body has accessibility errors, or warnings that
 * nobody has accepted; with a reason, accepts the warnings (recorded on the revision and audited).
 */
export async function passAccessibilityCheck(
  tx: Tx,
  ctx: StaffContext,
  itemId: string,
  revision: GatedRevision,
  reason: string,
  action: "submitted" | "published" | "scheduled",
): Promise<void> {
  const findings = await checkBody(tx, storedDocument(revision.document));
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    const message = `This cannot be ${action} until the ${errors.length === 1 ? "error" : `${errors.length} errors`} in the accessibility check ${errors.length === 1 ? "is" : "are"} fixed in the body`;
    throw new AppError("BAD_REQUEST", message, { accessibility: message });
  }
  const acceptances = acceptancesOf(revision.accessibilityAcceptances);
  const open = unacceptedWarnings(findings, acceptances);
  if (open.length === 0) return;
  if (!reason) {
    const message = `Say why the ${open.length === 1 ? "accessibility warning can" : `${open.length} accessibility warnings can`} stand, or fix ${open.length === 1 ? "it" : "them"} in the body first`;
    throw new AppError("BAD_REQUEST", message, { warningsReason: message });
  }
  const at = new Date().toISOString();
  const added: Acceptance[] = open.map((f) => ({
    key: f.key,
    rule: f.rule,
    message: f.message,
    reason,
    userId: ctx.user.id,
    userName: ctx.user.name,
    at,
  }));
  await tx.revision.update({
    where: { id: revision.id },
    data: { accessibilityAcceptances: [...acceptances, ...added] },
  });
  await recordAudit(tx, ctx, {
    action: "content.accessibility_accept",
    targetType: "ContentItem",
    targetId: itemId,
    summary: `Accepted ${open.length === 1 ? "an accessibility warning" : `${open.length} accessibility warnings`} on revision ${revision.number} of "${revision.title}": ${reason}`,
    data: {
      revisionId: revision.id,
      reason,
      warnings: open.map((f) => ({ key: f.key, rule: f.rule, message: f.message })),
    },
  });
}

/**
 * Accepts a revision's open accessibility warnings with a reason, on their own (the publish page,
 * before publishing or scheduling a revision whose warnings nobody accepted at submission).
 */
export async function acceptWarnings(
  ctx: StaffContext,
  input: { itemId: string; revisionId: string; warningsReason: string },
) {
  return ctx.db.$transaction(async (tx) => {
    await lockItem(tx, input.itemId);
    const revision = await tx.revision.findFirst({ where: { id: input.revisionId, itemId: input.itemId } });
    if (!revision) throw notFound("That revision");
    await passAccessibilityCheck(tx, ctx, input.itemId, revision, input.warningsReason, "published");
    return { accepted: true as const };
  });
}
