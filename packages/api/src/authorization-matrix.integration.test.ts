// Calls every procedure of the whole router as an anonymous visitor, as each role, and as an
// administrator who has not yet entered their second factor, and checks the outcome against the
// role table. A procedure nobody has decided about fails the first test: add it to `decisions`.
import { createUser } from "@observatory/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { can, type Permission, type Role, roles } from "./permissions.ts";
import { appRouter } from "./root.ts";
import { useHarness } from "./testing/harness.ts";
import { listProcedures } from "./testing/procedures.ts";

/**
 * Who may call each procedure: "public" (anyone), "mfaStep" (signed in, second factor possibly
 * still due: only the MFA step itself), "signedIn" (fully signed in), or a permission of the role
 * table in permissions.ts.
 */
type Decision = "public" | "mfaStep" | "signedIn" | Permission;

const decisions: Record<string, Decision> = {
  "account.changePassword": "signedIn",
  "account.disableTotp": "signedIn",
  "account.enableTotp": "mfaStep",
  "account.mfa": "signedIn",
  "account.overview": "signedIn",
  "account.preferences": "signedIn",
  "account.regenerateRecoveryCodes": "signedIn",
  "account.setPreferences": "signedIn",
  "account.signOutEverywhere": "signedIn",
  "account.totpSetup": "mfaStep",
  "alerts.confirm": "public",
  "alerts.confirmationOpen": "public",
  "alerts.counts": "alerts.subscribers",
  "alerts.find": "alerts.subscribers",
  "alerts.options": "public",
  "alerts.remove": "alerts.subscribers",
  "alerts.subscribe": "public",
  "alerts.subscription": "public",
  "alerts.unsubscribe": "public",
  "alerts.update": "public",
  "audit.filters": "audit.read",
  "audit.export": "audit.read",
  "audit.list": "audit.read",
  "auth.acceptInvitation": "public",
  "auth.confirmEmailChange": "public",
  "auth.emailChange": "public",
  "auth.invitation": "public",
  "auth.passwordReset": "public",
  "auth.requestPasswordReset": "public",
  "auth.resetPassword": "public",
  "auth.session": "public",
  "auth.signIn": "public",
  "auth.signOut": "public",
  "auth.verifyMfa": "mfaStep",
  "comments.formToken": "public",
  "comments.privacyPolicy": "public",
  "comments.submit": "public",
  "content.article": "public",
  "content.feed": "public",
  "content.latest": "public",
  "content.list": "public",
  "content.publicState": "public",
  "content.search": "public",
  "content.sitemap": "public",
  "content.years": "public",
  "media.get": "content.write",
  "media.list": "content.write",
  "media.recent": "content.write",
  "media.update": "content.write",
  "media.upload": "content.write",
  "organisation.details": "public",
  "organisation.settings": "settings.manage",
  "organisation.update": "settings.manage",
  "publications.addFile": "content.write",
  "publications.attachments": "content.write",
  "publications.formatRequestSubject": "public",
  "publications.htmlAttachment": "content.write",
  "publications.htmlPublication": "public",
  "publications.move": "content.write",
  "publications.remove": "content.write",
  "publications.requestFormat": "public",
  "publications.saveHtml": "content.write",
  "publications.update": "content.write",
  "reviewDue.item": "content.write",
  "reviewDue.list": "content.write",
  "reviewDue.markReviewed": "content.write",
  "reviewDue.mine": "content.write",
  "reviewDue.owners": "content.write",
  "reviewDue.settings": "settings.manage",
  "reviewDue.updateItem": "content.write",
  "reviewDue.updateSettings": "settings.manage",
  "moderation.approve": "comments.moderate",
  "moderation.blockSender": "comments.moderate",
  "moderation.comment": "comments.moderate",
  "moderation.delete": "comments.delete",
  "moderation.deleteMany": "comments.delete",
  "moderation.edit": "comments.moderate",
  "moderation.emptiable": "comments.delete",
  "moderation.empty": "comments.delete",
  "moderation.eraseByEmail": "comments.personalData",
  "moderation.exportByEmail": "comments.personalData",
  "moderation.items": "comments.moderate",
  "moderation.markSpam": "comments.moderate",
  "moderation.moderateMany": "comments.moderate",
  "moderation.pendingCount": "comments.moderate",
  "moderation.queue": "comments.moderate",
  "moderation.queueView": "comments.moderate",
  "moderation.redact": "comments.moderate",
  "moderation.refusals": "comments.moderate",
  "moderation.reject": "comments.moderate",
  "moderation.reply": "comments.moderate",
  "moderation.restore": "comments.moderate",
  "moderation.setQueueView": "comments.moderate",
  "moderation.settings": "comments.moderate",
  "moderation.trash": "comments.moderate",
  "moderation.updateRetention": "settings.manage",
  "moderation.updateRules": "comments.moderate",
  "editorial.approve": "content.write",
  "editorial.archive": "content.publish",
  "editorial.authorOptions": "content.write",
  "editorial.bulk": "content.write",
  "editorial.restoreFromArchive": "content.publish",
  "editorial.selection": "content.write",
  "editorial.undoArchive": "content.publish",
  "editorial.withdraw": "content.publish",
  "editorial.unwithdraw": "content.publish",
  "editorial.cancelSchedule": "content.publish",
  "editorial.compare": "content.write",
  "editorial.changes": "content.write",
  "editorial.create": "content.write",
  "editorial.createShareLink": "content.write",
  "editorial.dashboard": "content.write",
  "editorial.describeTime": "content.write",
  "editorial.item": "content.write",
  "editorial.leave": "content.write",
  "editorial.list": "content.write",
  "editorial.presence": "content.write",
  "editorial.publishNow": "content.publish",
  "editorial.acceptWarnings": "content.publish",
  "editorial.forcePublish": "content.publish",
  "editorial.forcePublishKinds": "content.publish",
  "editorial.updateForcePublishKinds": "settings.manage",
  "editorial.forcedPublications": "content.publish",
  "editorial.forcedPublicationsOf": "content.write",
  "editorial.reviewForcedPublication": "content.publish",
  "editorial.renderPreview": "content.write",
  "editorial.linkTargets": "content.write",
  "editorial.requestChanges": "content.write",
  "editorial.restore": "content.write",
  "editorial.review": "content.write",
  "editorial.comments": "content.write",
  "editorial.addComment": "content.write",
  "editorial.resolveComment": "content.write",
  "editorial.stepNames": "content.write",
  "editorial.revision": "content.write",
  "editorial.revisions": "content.write",
  "editorial.revokeShareLink": "content.write",
  "editorial.save": "content.write",
  "editorial.schedule": "content.publish",
  "editorial.scheduleUnpublish": "content.publish",
  "editorial.shareLinks": "content.write",
  "editorial.sharedPreview": "public",
  "editorial.submit": "content.write",
  "editorial.unpublish": "content.publish",
  "editorial.workstreamOptions": "content.write",
  "factChecks.answer": "public",
  "factChecks.counts": "content.write",
  "factChecks.ofItem": "content.write",
  "factChecks.open": "public",
  "factChecks.send": "content.write",
  "factChecks.withdraw": "content.write",
  "settings.mfaPolicy": "settings.manage",
  "settings.updateMfaPolicy": "settings.manage",
  "system.health": "public",
  "users.byId": "users.manage",
  "users.bulkDisable": "users.manage",
  "users.changeRole": "users.manage",
  "users.delete": "users.manage",
  "users.deletion": "users.manage",
  "users.disable": "users.manage",
  "users.enable": "users.manage",
  "users.endSession": "users.manage",
  "users.endSessions": "users.manage",
  "users.invitations": "users.manage",
  "users.invite": "users.manage",
  "users.list": "users.manage",
  "users.resendInvitation": "users.manage",
  "users.resetMfa": "users.manage",
  "users.revokeInvitation": "users.manage",
  "users.selection": "users.manage",
  "users.sendPasswordReset": "users.manage",
  "users.updateProfile": "users.manage",
  "workflows.addMember": "settings.manage",
  "workflows.attach": "settings.manage",
  "workflows.create": "settings.manage",
  "workflows.createGroup": "settings.manage",
  "workflows.delete": "settings.manage",
  "workflows.deleteGroup": "settings.manage",
  "workflows.detach": "settings.manage",
  "workflows.get": "settings.manage",
  "workflows.group": "settings.manage",
  "workflows.groups": "settings.manage",
  "workflows.list": "settings.manage",
  "workflows.moveReview": "settings.manage",
  "workflows.removeMember": "settings.manage",
  "workflows.update": "settings.manage",
  "workflows.updateGroup": "settings.manage",
  "workstreams.bySlug": "public",
  "workstreams.list": "public",
};

type Caller = "anonymous" | Role | "mfaPending";
type Outcome = "UNAUTHORIZED" | "FORBIDDEN" | "allowed";

function expectedOutcome(decision: Decision, caller: Caller): Outcome {
  if (decision === "public") return "allowed";
  if (caller === "anonymous") return "UNAUTHORIZED";
  if (decision === "mfaStep") return "allowed";
  if (caller === "mfaPending") return "UNAUTHORIZED";
  if (decision === "signedIn") return "allowed";
  return can(caller, decision) ? "allowed" : "FORBIDDEN";
}

function describeAccess(access: ReturnType<typeof listProcedures>[number]["access"]): Decision | "undeclared" {
  if (!access) return "undeclared";
  return access.kind === "permission" ? access.permission : access.kind;
}

const procedures = listProcedures(appRouter);
const callers: Caller[] = ["anonymous", ...roles, "mfaPending"];

describe("the authorization matrix", () => {
  const h = useHarness();

  it("has a decision for every procedure of the router, and none for procedures that do not exist", () => {
    const undecided = procedures.map((p) => p.path).filter((path) => !(path in decisions));
    expect(
      undecided,
      `Decide who may call ${undecided.join(", ")}: add each to \`decisions\` in src/authorization-matrix.integration.test.ts`,
    ).toEqual([]);
    const stale = Object.keys(decisions).filter((path) => !procedures.some((p) => p.path === path));
    expect(stale, "These procedures no longer exist: remove them from `decisions`").toEqual([]);
  });

  it.each(procedures.map((p) => [p.path, p] as const))("%s declares the access decided for it", (path, procedure) => {
    expect(describeAccess(procedure.access), `meta.access of ${path}`).toBe(decisions[path]);
  });

  async function callerFor(caller: Caller) {
    if (caller === "anonymous") return h.anonymous();
    if (caller !== "mfaPending") return h.as(caller);
    const admin = await createUser(h.db, "ADMIN");
    await h.db.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
    return (await h.sessionFor(admin.id, { mfaVerified: false })).api;
  }

  async function outcomeOf(api: object, path: string): Promise<Outcome> {
    let target: unknown = api;
    for (const segment of path.split(".")) {
      target =
        (typeof target === "object" || typeof target === "function") && target
          ? Reflect.get(target, segment)
          : undefined;
    }
    if (typeof target !== "function") throw new Error(`no procedure at ${path}`);
    try {
      // Empty input: whatever it does (succeed, or fail validation), it got past the access checks.
      await target({});
      return "allowed";
    } catch (error) {
      if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN"))
        return error.code;
      return "allowed";
    }
  }

  it.each(procedures.map((p) => [p.path] as const))("%s answers each caller as decided", async (path) => {
    const decision = decisions[path];
    // An undecided procedure already fails the first test, which says what to do.
    if (!decision) return;
    const actual: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    for (const caller of callers) {
      actual[caller] = await outcomeOf(await callerFor(caller), path);
      expected[caller] = expectedOutcome(decision, caller);
    }
    expect(actual).toEqual(expected);
  });
});
