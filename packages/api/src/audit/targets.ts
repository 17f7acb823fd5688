import type { Db } from "@observatory/db";
import { SETTING_KEY as MFA_POLICY_KEY } from "../auth/mfa-policy.ts";
import { RETENTION_KEY, SPAM_RULES_KEY } from "../comments/settings.ts";
import { ORGANISATION_SETTING } from "../organisation/settings.ts";
import { REVIEW_DUE_SETTING } from "../review-due/settings.ts";

// Where the admin shows what an audit event is about. Records that can be deleted are looked up, so
// that the log says a target is gone instead of linking to a page that would answer "not found".

/** A target the log can link to: a link, a target that no longer exists, or one with no page. */
export type AuditTarget = { kind: "page"; path: string } | { kind: "gone" } | { kind: "none" };

type Lookup = (db: Db, ids: string[]) => Promise<{ id: string }[]>;

const records: Record<string, { path: (id: string) => string; lookup: Lookup }> = {
  ContentItem: {
    path: (id) => `/content/${id}`,
    lookup: (db, ids) => db.contentItem.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  },
  Comment: {
    path: (id) => `/comments/${id}`,
    lookup: (db, ids) => db.comment.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  },
  User: {
    path: (id) => `/users/${id}`,
    lookup: (db, ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  },
  Workflow: {
    path: (id) => `/workflows/${id}`,
    lookup: (db, ids) => db.workflow.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  },
  ReviewGroup: {
    path: (id) => `/workflows/groups/${id}`,
    lookup: (db, ids) => db.reviewGroup.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  },
  Media: {
    path: (id) => `/media/${id}/edit`,
    lookup: (db, ids) => db.media.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  },
};

/** Each setting's page: settings are never deleted (a missing one reads as its default). */
const settingPages: Record<string, string> = {
  [SPAM_RULES_KEY]: "/comments/settings",
  [RETENTION_KEY]: "/comments/privacy",
  [MFA_POLICY_KEY]: "/settings/security",
  [REVIEW_DUE_SETTING]: "/content/review-settings",
  [ORGANISATION_SETTING]: "/settings/organisation",
};

type Event = { targetType: string; targetId: string | null };

/** Looks up the targets of `events` (one query per kind of record) and answers where each one is. */
export async function describeTargets(db: Db, events: Event[]): Promise<(event: Event) => AuditTarget> {
  const existing = new Set<string>();
  await Promise.all(
    Object.entries(records).map(async ([type, { lookup }]) => {
      const ids = [...new Set(events.filter((e) => e.targetType === type).map((e) => e.targetId ?? ""))];
      if (!ids.length) return;
      for (const { id } of await lookup(db, ids)) existing.add(`${type}:${id}`);
    }),
  );
  return ({ targetType, targetId }) => {
    if (!targetId) return { kind: "none" };
    const settingPage = targetType === "Setting" ? settingPages[targetId] : undefined;
    if (settingPage) return { kind: "page", path: settingPage };
    const record = records[targetType];
    if (!record) return { kind: "none" };
    return existing.has(`${targetType}:${targetId}`) ? { kind: "page", path: record.path(targetId) } : { kind: "gone" };
  };
}
