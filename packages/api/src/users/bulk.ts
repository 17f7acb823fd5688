import { z } from "zod";
import { AppError } from "../errors.ts";
import { disableUser, type StaffContext } from "./service.ts";

// Disabling several accounts at once, from the users list. Each goes through `disableUser` (its own
// transaction, refusals and audit event), so the bulk form can do nothing the single one could not;
// one refusal (yourself, the last administrator) does not stop the others, and the answer says why.

const MAX_BULK_USERS = 100;

export const bulkUsersInput = z.object({
  ids: z
    .array(z.string().min(1).max(100))
    .min(1, "Select at least one user")
    .max(MAX_BULK_USERS, `Select ${MAX_BULK_USERS} users or fewer at a time`),
});

type Selected = { id: string; name: string; email: string };

async function selected(ctx: StaffContext, ids: string[]) {
  return ctx.db.user.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: { id: true, name: true, email: true, role: true, disabledAt: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** The accounts the confirmation page lists. */
export async function describeUsers(ctx: StaffContext, input: z.infer<typeof bulkUsersInput>) {
  return selected(ctx, [...new Set(input.ids)]);
}

export async function bulkDisable(ctx: StaffContext, input: z.infer<typeof bulkUsersInput>) {
  const users = await selected(ctx, [...new Set(input.ids)]);
  const disabled: Selected[] = [];
  const refused: (Selected & { reason: string })[] = [];
  for (const user of users) {
    const { id, name, email } = user;
    if (user.disabledAt) {
      refused.push({ id, name, email, reason: "Already disabled" });
      continue;
    }
    try {
      await disableUser(ctx, id);
      disabled.push({ id, name, email });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ id, name, email, reason: error.message });
    }
  }
  return { disabled, refused };
}
