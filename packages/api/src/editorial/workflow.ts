import type { ContentStatus, Role } from "@observatory/db";
import { AppError } from "../errors.ts";
import { can, type Permission } from "../permissions.ts";
import { statusLabels } from "./common.ts";

// The editorial workflow in one table: for each transition, the states it starts from, the state it
// leads to, who may take it and what the audit log records. The services check it (under the item's
// row lock) and the editor's screens offer exactly what it allows (`actionsFor`).

type Actor = { id: string; role: Role };
type Subject = { status: ContentStatus; createdById: string };
type Rule = { test: (actor: Actor, item: Subject) => boolean; refusal: string };

/** Authors edit the items they created; editors and administrators edit anyone's. */
const itemEditor: Rule = {
  test: (actor, item) =>
    can(actor.role, "content.editAny") || (can(actor.role, "content.write") && item.createdById === actor.id),
  refusal: "You can only edit content you created. Ask an editor to make this change.",
};

const holder = (permission: Permission, refusal: string): Rule => ({
  test: (actor) => can(actor.role, permission),
  refusal,
});

/** Restoring an earlier revision is an edit; bringing back archived content is an editor's call. */
const restorer: Rule = {
  test: (actor, item) =>
    itemEditor.test(actor, item) && (item.status !== "ARCHIVED" || can(actor.role, "content.publish")),
  refusal: "Only an editor can bring back archived content.",
};

const notArchived: ContentStatus[] = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "SCHEDULED", "PUBLISHED"];

type Transition = {
  from: readonly ContentStatus[];
  /** The state the latest revision is in afterwards; null when the transition leaves it as it was. */
  to: ContentStatus | null;
  who: Rule;
  audit: string;
  /** How a refusal names the transition: "You cannot <verb> an item that is ...". */
  verb: string;
};

export const workflow = {
  edit: { from: notArchived, to: "DRAFT", who: itemEditor, audit: "content.save", verb: "edit" },
  submit: {
    from: ["DRAFT", "CHANGES_REQUESTED"],
    to: "IN_REVIEW",
    who: itemEditor,
    audit: "content.submit",
    verb: "submit for review",
  },
  approve: {
    from: ["IN_REVIEW"],
    to: "APPROVED",
    // Which step, and whether this person may decide it, is the round's business (workflows/rounds.ts).
    who: holder("content.write", "You cannot review content."),
    audit: "content.approve",
    verb: "approve",
  },
  requestChanges: {
    from: ["IN_REVIEW"],
    to: "CHANGES_REQUESTED",
    who: holder("content.write", "You cannot review content."),
    audit: "content.requestChanges",
    verb: "request changes to",
  },
  publish: {
    from: notArchived,
    to: "PUBLISHED",
    who: holder("content.publish", "Only an editor can publish content."),
    audit: "content.publish",
    verb: "publish",
  },
  /** The recorded emergency route: a revision nobody has approved, with a reason (forced-publication.ts). */
  forcePublish: {
    from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED"],
    to: "PUBLISHED",
    who: holder("content.publish", "Only an editor can publish content."),
    audit: "content.forcePublish",
    verb: "publish without review",
  },
  /**
   * Asking outside experts to check a draft's facts (fact-checks/): whoever may edit the item, while
   * its latest revision is not yet published or scheduled. It leaves the state as it is.
   */
  requestFactCheck: {
    from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED"],
    to: null,
    who: itemEditor,
    audit: "content.factCheckRequest",
    verb: "ask for a fact check of",
  },
  schedule: {
    from: notArchived,
    to: "SCHEDULED",
    who: holder("content.publish", "Only an editor can schedule content."),
    audit: "content.schedule",
    verb: "schedule",
  },
  scheduleUnpublish: {
    from: notArchived,
    to: null,
    who: holder("content.publish", "Only an editor can schedule content."),
    audit: "content.scheduleUnpublish",
    verb: "schedule the removal of",
  },
  restore: {
    from: [...notArchived, "ARCHIVED"],
    to: "DRAFT",
    who: restorer,
    audit: "content.restore",
    verb: "restore a revision of",
  },
  archive: {
    from: notArchived,
    to: "ARCHIVED",
    who: holder("content.publish", "Only an editor can archive content."),
    audit: "content.archive",
    verb: "archive",
  },
  /** Puts an archived item back as archiving found it (see archive.ts). */
  undoArchive: {
    from: ["ARCHIVED"],
    to: null,
    who: holder("content.publish", "Only an editor can undo archiving."),
    audit: "content.undoArchive",
    verb: "undo the archiving of",
  },
  /** Kept at its address with a banner, out of listings (withdrawal.ts): a mark, the status is kept. */
  withdraw: {
    from: notArchived,
    to: null,
    who: holder("content.publish", "Only an editor can withdraw content."),
    audit: "content.withdraw",
    verb: "withdraw",
  },
  unwithdraw: {
    from: notArchived,
    to: null,
    who: holder("content.publish", "Only an editor can undo a withdrawal."),
    audit: "content.unwithdraw",
    verb: "undo the withdrawal of",
  },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof workflow;

/** Whether `actor` may take the transition on `item` as it stands. */
export function canTake(name: TransitionName, actor: Actor, item: Subject): boolean {
  const transition: Transition = workflow[name];
  return transition.who.test(actor, item) && transition.from.includes(item.status);
}

export const canEdit = (actor: Actor, item: Subject) => canTake("edit", actor, item);
export const canSubmit = (actor: Actor, item: Subject) => canTake("submit", actor, item);
export const canApprove = (actor: Actor, item: Subject) => canTake("approve", actor, item);
export const canRequestChanges = (actor: Actor, item: Subject) => canTake("requestChanges", actor, item);
export const canPublish = (actor: Actor, item: Subject) => canTake("publish", actor, item);
export const canSchedule = (actor: Actor, item: Subject) => canTake("schedule", actor, item);
export const canArchive = (actor: Actor, item: Subject) => canTake("archive", actor, item);

/**
 * Refuses a transition the actor may not take (FORBIDDEN, first) or that the item's state does not
 * allow (CONFLICT, naming the state it is in).
 */
export function assertCanTake(name: TransitionName, actor: Actor, item: Subject): void {
  const transition: Transition = workflow[name];
  if (!transition.who.test(actor, item)) {
    // Someone who may not edit the item at all is told that first.
    const refusal =
      itemEditor.test(actor, item) || transition.who !== restorer ? transition.who.refusal : itemEditor.refusal;
    throw new AppError("FORBIDDEN", refusal);
  }
  if (!transition.from.includes(item.status)) {
    throw new AppError(
      "CONFLICT",
      `You cannot ${transition.verb} an item that is ${statusLabels[item.status].toLowerCase()}. Reload the page to see its current state.`,
    );
  }
}
