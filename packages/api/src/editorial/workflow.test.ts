import type { ContentStatus, Role } from "@observatory/db";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { assertCanTake, canTake, type TransitionName, workflow } from "./workflow.ts";

const statuses: ContentStatus[] = [
  "DRAFT",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "SCHEDULED",
  "PUBLISHED",
  "ARCHIVED",
];
const live: ContentStatus[] = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "SCHEDULED", "PUBLISHED"];

// The role table of ARCHITECTURE.md, written out by hand: which transitions each person may take,
// from which states, on their own item and on someone else's. Approving and requesting changes are
// open to anyone who reads drafts here: whether they may decide the waiting step is the review
// round's rule (workflows/rounds.ts, tested in workflows.integration.test.ts).
const drafts: ContentStatus[] = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED"];
const review = { approve: ["IN_REVIEW"], requestChanges: ["IN_REVIEW"] } satisfies Partial<
  Record<TransitionName, ContentStatus[]>
>;
const expected: Record<Role, Record<"own" | "other", Partial<Record<TransitionName, ContentStatus[]>>>> = {
  AUTHOR: {
    own: { edit: live, submit: ["DRAFT", "CHANGES_REQUESTED"], restore: live, requestFactCheck: drafts, ...review },
    other: review,
  },
  EDITOR: {
    own: {
      edit: live,
      submit: ["DRAFT", "CHANGES_REQUESTED"],
      approve: ["IN_REVIEW"],
      requestChanges: ["IN_REVIEW"],
      publish: live,
      forcePublish: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED"],
      requestFactCheck: drafts,
      schedule: live,
      scheduleUnpublish: live,
      restore: statuses,
      archive: live,
      undoArchive: ["ARCHIVED"],
      withdraw: live,
      unwithdraw: live,
    },
    other: {},
  },
  ADMIN: { own: {}, other: {} },
  MODERATOR: { own: {}, other: {} },
};
expected.EDITOR.other = expected.EDITOR.own;
expected.ADMIN = expected.EDITOR;

const roles: Role[] = ["ADMIN", "EDITOR", "AUTHOR", "MODERATOR"];
const names = Object.keys(workflow) as TransitionName[];

describe("the editorial workflow table", () => {
  for (const role of roles) {
    for (const whose of ["own", "other"] as const) {
      it(`lets ${role.toLowerCase()} take exactly the expected transitions on ${whose === "own" ? "their own" : "someone else's"} item`, () => {
        const actor = { id: "actor", role };
        for (const name of names) {
          for (const status of statuses) {
            const item = { status, createdById: whose === "own" ? "actor" : "someone-else" };
            const allowed = expected[role][whose][name]?.includes(status) ?? false;
            expect(canTake(name, actor, item), `${name} from ${status}`).toBe(allowed);
          }
        }
      });
    }
  }

  it("refuses someone without the right with FORBIDDEN first, and a wrong state with CONFLICT naming it", () => {
    const author = { id: "a", role: "AUTHOR" as const };
    const refusal = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return error instanceof AppError ? { code: error.code, message: error.message } : null;
      }
      return null;
    };
    expect(refusal(() => assertCanTake("submit", author, { status: "ARCHIVED", createdById: "b" }))).toEqual({
      code: "FORBIDDEN",
      message: "You can only edit content you created. Ask an editor to make this change.",
    });
    expect(refusal(() => assertCanTake("submit", author, { status: "IN_REVIEW", createdById: "a" }))).toEqual({
      code: "CONFLICT",
      message: "You cannot submit for review an item that is in review. Reload the page to see its current state.",
    });
    expect(refusal(() => assertCanTake("restore", author, { status: "ARCHIVED", createdById: "a" }))?.message).toBe(
      "Only an editor can bring back archived content.",
    );
    expect(refusal(() => assertCanTake("restore", author, { status: "ARCHIVED", createdById: "b" }))?.message).toMatch(
      /only edit content you created/,
    );
  });
});
