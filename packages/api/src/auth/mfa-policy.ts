import { Role, type DbOrTransaction } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { settingChanges } from "../audit/setting-changes.ts";
import { apiConfig } from "../config.ts";
import { roleLabels, roles } from "../permissions.ts";
import type { Context } from "../trpc.ts";
import type { CurrentSession, SessionUser } from "./lucia.ts";
import { storedSetting } from "../settings/stored.ts";

// Which roles must sign in with a second factor: a Setting an administrator edits, falling back to
// MFA_REQUIRED_ROLES (administrators, in production) until one is saved.

export const SETTING_KEY = "security.mfaRequiredRoles";
const storedRoles = z.array(z.enum(Role));

export type MfaPolicy = { requiredRoles: Role[]; isDefault: boolean };

export async function readMfaPolicy(db: DbOrTransaction): Promise<MfaPolicy> {
  const stored = storedRoles.safeParse(await storedSetting(db, SETTING_KEY));
  if (stored.success) return { requiredRoles: stored.data, isDefault: false };
  return { requiredRoles: apiConfig().mfaRequiredRoles, isDefault: true };
}

export async function updateMfaPolicy(
  ctx: Pick<Context, "db" | "user" | "request">,
  requiredRoles: Role[],
): Promise<MfaPolicy> {
  const ordered = roles.filter((role) => requiredRoles.includes(role));
  await ctx.db.$transaction(async (tx) => {
    const before = await readMfaPolicy(tx);
    await tx.setting.upsert({
      where: { key: SETTING_KEY },
      create: { key: SETTING_KEY, value: ordered, updatedById: ctx.user?.id ?? null },
      update: { value: ordered, updatedById: ctx.user?.id ?? null },
    });
    await recordAudit(tx, ctx, {
      action: "settings.mfaPolicyChanged",
      targetType: "Setting",
      targetId: SETTING_KEY,
      summary: ordered.length
        ? `Required multi-factor sign-in for ${ordered.map((r) => roleLabels[r]).join(", ")}`
        : "Stopped requiring multi-factor sign-in for any role",
      data: {
        changes: settingChanges(
          { requiredRoles: before.requiredRoles.map((r) => roleLabels[r]) },
          { requiredRoles: ordered.map((r) => roleLabels[r]) },
          { requiredRoles: "Roles that must use an authenticator app" },
        ),
      },
    });
  });
  return { requiredRoles: ordered, isDefault: false };
}

/**
 * Where a session stands on the second factor:
 * - "satisfied": verified this session, or not needed (no authenticator and the role does not require one);
 * - "verify": the user has an authenticator app and has not entered a code this session;
 * - "enrol": the role requires one and the user has not set it up yet.
 * Only "satisfied" sessions may use anything beyond the MFA step and signing out.
 */
export type MfaState = "satisfied" | "verify" | "enrol";

export async function mfaStateOf(
  db: DbOrTransaction,
  user: Pick<SessionUser, "role" | "totpEnabled">,
  session: Pick<CurrentSession, "mfaVerifiedAt">,
): Promise<MfaState> {
  if (session.mfaVerifiedAt) return "satisfied";
  if (user.totpEnabled) return "verify";
  const policy = await readMfaPolicy(db);
  return policy.requiredRoles.includes(user.role) ? "enrol" : "satisfied";
}

export async function isMfaRequiredFor(db: DbOrTransaction, role: Role): Promise<boolean> {
  return (await readMfaPolicy(db)).requiredRoles.includes(role);
}
