// The role table of ARCHITECTURE.md: the one source of truth for the server (every procedure) and
// the apps (what to show). Importable in the browser: no server dependencies here.

import { Role } from "@observatory/db/enums";

// The roles are the database's enum (the Prisma schema is their one definition), in its order.
export { Role };
export const roles: readonly Role[] = Object.values(Role);

export const permissionTable = {
  /**
   * Create and edit own drafts, submit for review. Reviewing is not a role's: it belongs to the
   * members of the review group a workflow step names (workflows/).
   */
  "content.write": ["ADMIN", "EDITOR", "AUTHOR"],
  /** Edit anyone's drafts. */
  "content.editAny": ["ADMIN", "EDITOR"],
  /** Schedule, publish, unpublish, archive. */
  "content.publish": ["ADMIN", "EDITOR"],
  "comments.moderate": ["ADMIN", "EDITOR", "MODERATOR"],
  /** Delete a comment permanently. */
  "comments.delete": ["ADMIN", "EDITOR"],
  /** Export or erase everything held under a commenter's email address (UK GDPR requests). */
  "comments.personalData": ["ADMIN"],
  /** See how many readers get email alerts, and remove an address at its owner's request. */
  "alerts.subscribers": ["ADMIN"],
  "users.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "settings.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionTable;

export const permissions = Object.keys(permissionTable) as Permission[];

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (permissionTable[permission] as readonly Role[]).includes(role);
}

export const roleLabels: Record<Role, string> = {
  ADMIN: "Administrator",
  EDITOR: "Editor",
  AUTHOR: "Author",
  MODERATOR: "Moderator",
};
