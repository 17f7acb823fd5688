import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { assertCanOwn } from "../review-due/settings.ts";
import { ownerOptions } from "../review-due/service.ts";
import { assertAnotherActiveAdmin, findTarget, type StaffContext, type Tx } from "./service.ts";

// Deleting a departing person's account (decision 017). Their content passes to someone chosen:
// the items they created or own, and their unsubmitted drafts. What is history stays theirs:
// submitted revisions, review decisions and comments, uploads, share links, the audit log. So the
// row stays, as a tombstone without email address, password, authenticator, sessions or groups,
// and everything that names the person keeps their name.

/** What deleting the user hands over, and what it ends: the confirmation page's counts. */
async function countHandover(db: Pick<Tx, "contentItem" | "revision" | "session" | "reviewGroupMember">, id: string) {
  const [itemsCreated, itemsOwned, drafts, sessions, groups] = await Promise.all([
    db.contentItem.count({ where: { createdById: id } }),
    db.contentItem.count({ where: { ownerId: id } }),
    db.revision.count({ where: { authorId: id, submittedAt: null } }),
    db.session.count({ where: { userId: id } }),
    db.reviewGroupMember.count({ where: { userId: id } }),
  ]);
  return { itemsCreated, itemsOwned, drafts, sessions, groups };
}

/** Refusals that do not depend on whom the content goes to. */
function assertDeletable(ctx: StaffContext, id: string) {
  if (id === ctx.user.id) {
    const message = "You cannot delete your own account. Ask another administrator.";
    throw new AppError("CONFLICT", message, { reassignTo: message });
  }
}

export async function deletionSummary(ctx: StaffContext, id: string) {
  const target = await findTarget(ctx.db, id);
  const [counts, candidates] = await Promise.all([countHandover(ctx.db, target.id), ownerOptions(ctx.db)]);
  return {
    user: target,
    counts,
    candidates: candidates.filter((candidate) => candidate.id !== target.id),
    isSelf: target.id === ctx.user.id,
  };
}

export const deleteUserInput = z.object({
  id: z.string().min(1).max(100),
  reassignTo: z.string("Choose who their content goes to").max(100).min(1, "Choose who their content goes to"),
});

export async function deleteUser(ctx: StaffContext, input: z.infer<typeof deleteUserInput>) {
  assertDeletable(ctx, input.id);
  if (input.reassignTo === input.id) {
    const message = "Choose someone else: their content cannot go to the account being deleted";
    throw new AppError("BAD_REQUEST", message, { reassignTo: message });
  }
  return ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, input.id);
    if (target.role === "ADMIN" && !target.disabledAt) {
      try {
        await assertAnotherActiveAdmin(tx, target.id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        throw new AppError(error.code, error.message, { reassignTo: error.message });
      }
    }
    const heir = await assertCanOwn(tx, input.reassignTo, "reassignTo");
    const counts = await countHandover(tx, target.id);
    const now = new Date();
    await tx.contentItem.updateMany({ where: { createdById: target.id }, data: { createdById: heir.id } });
    await tx.contentItem.updateMany({ where: { ownerId: target.id }, data: { ownerId: heir.id } });
    await tx.revision.updateMany({ where: { authorId: target.id, submittedAt: null }, data: { authorId: heir.id } });
    await tx.session.deleteMany({ where: { userId: target.id } });
    await tx.authToken.deleteMany({ where: { userId: target.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: target.id } });
    await tx.reviewGroupMember.deleteMany({ where: { userId: target.id } });
    await tx.editorPresence.deleteMany({ where: { userId: target.id } });
    await tx.user.update({
      where: { id: target.id },
      data: {
        // A unique address no one can hold, so that the real one can be invited again.
        email: `deleted-${target.id}@deleted.invalid`,
        passwordHash: null,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastUsedStep: null,
        disabledAt: target.disabledAt ?? now,
        deletedAt: now,
      },
    });
    await recordAudit(tx, ctx, {
      action: "user.deleted",
      targetType: "User",
      targetId: target.id,
      summary: `Deleted ${target.name} (${target.email}); their content now belongs to ${heir.name}`,
      data: { reassignedTo: heir.id, ...counts },
    });
    return { name: target.name, heir: heir.name, counts };
  });
}
