import { type ContentStatus, Prisma } from "@observatory/db";
import { createUser } from "@observatory/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useHarness } from "../testing/harness.ts";
import { visibleItems } from "./visibility.ts";

// Every combination of the facts the visibility rule reads, written to the database as items: the
// public queries (visible_items) and the unpublish transition must agree with the rule as stated in
// visibility.ts on each one, including the instants exactly at publication and unpublication.

const NOW = new Date(Date.UTC(2026, 10, 21, 12, 0, 0, 500));
const times = {
  none: null,
  past: new Date(NOW.getTime() - 60_000),
  now: NOW,
  future: new Date(NOW.getTime() + 60_000),
};
type When = keyof typeof times;

const statuses: ContentStatus[] = [
  "DRAFT",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "SCHEDULED",
  "PUBLISHED",
  "ARCHIVED",
];
const whens = Object.keys(times) as When[];

type Case = {
  /** Short enough for the API's id inputs; `label` says what the case is. */
  id: string;
  label: string;
  status: ContentStatus;
  live: boolean;
  scheduled: boolean;
  publishAt: When;
  unpublishAt: When;
};

const cases: Case[] = statuses
  .flatMap((status) =>
    [true, false].flatMap((live) =>
      [true, false].flatMap((scheduled) =>
        whens.flatMap((publishAt) =>
          whens.map((unpublishAt) => ({
            id: "",
            label: `${status}, ${live ? "live" : "no live"} revision, ${scheduled ? "a" : "no"} scheduled revision, publishAt ${publishAt}, unpublishAt ${unpublishAt}`,
            status,
            live,
            scheduled,
            publishAt,
            unpublishAt,
          })),
        ),
      ),
    ),
  )
  .map((c, n) => ({ ...c, id: `visibility-case-${n}` }));

const reached = (when: When) => {
  const at = times[when];
  return at !== null && at <= NOW;
};

/** The rule in words: the scheduled revision once due, else the live one; nothing once expired or archived. */
function expectedRevision(c: Case): string | null {
  if (c.status === "ARCHIVED" || reached(c.unpublishAt)) return null;
  if (c.scheduled && reached(c.publishAt)) return `${c.id}-scheduled`;
  return c.live ? `${c.id}-live` : null;
}

describe("the visibility rule, on every combination of status, revisions and schedule", () => {
  const h = useHarness();

  beforeAll(async () => {
    // Transitions take the time from the clock: fix it, so "now" is exactly NOW for them too.
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    await h.db.contentItem.createMany({
      data: cases.map((c) => ({
        id: c.id,
        kind: "NEWS",
        slug: `${c.id}-slug`,
        createdById: authorId,
        status: c.status,
      })),
    });
    const revision = (c: Case, which: "live" | "scheduled", number: number) => ({
      id: `${c.id}-${which}`,
      itemId: c.id,
      number,
      authorId,
      title: `${which} revision`,
    });
    await h.db.revision.createMany({
      data: cases.flatMap((c) => [
        ...(c.live ? [revision(c, "live", 1)] : []),
        ...(c.scheduled ? [revision(c, "scheduled", 2)] : []),
      ]),
    });
    await h.db.$transaction(
      cases.map((c) =>
        h.db.contentItem.update({
          where: { id: c.id },
          data: {
            liveRevisionId: c.live ? `${c.id}-live` : null,
            scheduledRevisionId: c.scheduled ? `${c.id}-scheduled` : null,
            latestRevisionId: c.scheduled ? `${c.id}-scheduled` : c.live ? `${c.id}-live` : null,
            publishAt: times[c.publishAt],
            unpublishAt: times[c.unpublishAt],
          },
        }),
      ),
    );
  }, 120_000);

  afterAll(() => {
    vi.useRealTimers();
  });

  it(`covers all ${cases.length} combinations`, () => {
    expect(cases).toHaveLength(statuses.length * 2 * 2 * whens.length * whens.length);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it("shows exactly the items the rule allows, each at the revision the rule picks", async () => {
    const rows = await h.db.$queryRaw<{ id: string; revisionId: string }[]>`
      SELECT v."id", v."revisionId" FROM (${visibleItems(NOW)}) v
      WHERE v."id" IN (${Prisma.join(cases.map((c) => c.id))})`;
    const shown = Object.fromEntries(rows.map((row) => [row.id, row.revisionId]));
    for (const c of cases) expect(shown[c.id] ?? null, c.label).toBe(expectedRevision(c));
  });

  it("lets an editor unpublish exactly the items the public sees, and refuses the others", async () => {
    const editor = await h.as("EDITOR");
    const outcomes = new Map<string, string>();
    for (const c of cases) {
      const outcome = await editor.editorial.unpublish({ itemId: c.id }).then(
        () => "unpublished",
        (error: { code?: string }) => error.code ?? "error",
      );
      outcomes.set(c.id, outcome);
    }
    for (const c of cases) {
      expect(outcomes.get(c.id), c.label).toBe(expectedRevision(c) === null ? "CONFLICT" : "unpublished");
    }
  }, 120_000);
});
