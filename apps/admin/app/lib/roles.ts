import type { Role } from "@observatory/api/permissions";

/** What each role may do, in words, from the role table in permissions.ts. */
export const roleDescriptions: Record<Role, string> = {
  ADMIN: "Everything, including managing users, security settings and reading the audit log.",
  EDITOR: "Writes, reviews, schedules and publishes any content, and moderates comments.",
  AUTHOR: "Writes their own drafts and submits them for review.",
  MODERATOR: "Moderates comments.",
};
