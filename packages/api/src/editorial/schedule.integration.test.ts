import { bodyOf } from "@observatory/db/testing";
import { randomUUID } from "node:crypto";
import type { UserModel as User } from "@observatory/db";
import { beforeAll, describe, expect, it } from "vitest";
import { runIfDue } from "../jobs/runner.ts";
import { type Harness, useHarness } from "../testing/harness.ts";
import { toFormErrors } from "../form-errors.ts";
import { refusal } from "../testing/refusal.ts";
import { findOverdueTransitions, recordDueTransitions, recordScheduleJob } from "./scheduler.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

describe("scheduled publication", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let editor: Caller;

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    editor = await h.as("EDITOR");
  });

  const state = (itemId: string) => h.db.contentItem.findUniqueOrThrow({ where: { id: itemId } });
  const isPublic = async (slug: string) => {
    const result = await (await h.anonymous()).content.article({ section: "news", slug }).catch(() => null);
    return result?.kind === "item" ? result.item.title : null;
  };
  /** Moves a stored time into the past, as if the clock had moved on. */
  const elapse = (itemId: string, field: "publishAt" | "unpublishAt", msAgo = 1000) =>
    h.db.contentItem.update({ where: { id: itemId }, data: { [field]: new Date(Date.now() - msAgo) } });

  async function approved(title: string) {
    const created = await author.api.editorial.create({ title, kind: "NEWS", body: bodyOf(`About ${title}`) });
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    await author.api.editorial.submit(ref);
    await editor.editorial.approve(ref);
    return { ...ref, slug: created.slug };
  }

  it("publishes on time from the stored schedule before the job runs, then the job records it once", async () => {
    const item = await approved("Scheduled news");
    const result = await editor.editorial.schedule({ ...item, publishAt: { date: "1/6/2099", time: "09:00" } });
    expect(result.publishAt).toEqual(new Date("2099-06-01T08:00:00Z"));
    expect(await state(item.itemId)).toMatchObject({
      status: "SCHEDULED",
      scheduledRevisionId: item.revisionId,
      publishedAt: new Date("2099-06-01T08:00:00Z"),
    });
    expect(await isPublic(item.slug)).toBeNull();

    await elapse(item.itemId, "publishAt");
    expect(await isPublic(item.slug)).toBe("Scheduled news");
    const { published } = await recordDueTransitions(h.db);
    expect(published.map((p) => p.id)).toContain(item.itemId);
    const after = await state(item.itemId);
    expect(after).toMatchObject({ status: "PUBLISHED", liveRevisionId: item.revisionId, scheduledRevisionId: null });
    expect(after.liveSince).not.toBeNull();
    expect(await isPublic(item.slug)).toBe("Scheduled news");
    expect((await recordDueTransitions(h.db)).published.map((p) => p.id)).not.toContain(item.itemId);
    expect(await h.db.auditEvent.count({ where: { targetId: item.itemId, action: "content.publishRecorded" } })).toBe(
      1,
    );
    expect(
      await h.db.emailMessage.count({ where: { to: author.user.email, subject: "Published: Scheduled news" } }),
    ).toBe(1);
  });

  it("refuses a schedule in the past and changes nothing", async () => {
    const item = await approved("Past schedule");
    const refused = await refusal(
      editor.editorial.schedule({ ...item, publishAt: { date: "1/1/2020", time: "09:00" } }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("must be in the future");
    expect(await state(item.itemId)).toMatchObject({ status: "APPROVED", scheduledRevisionId: null, publishAt: null });
  });

  it("refuses times the March clock change skips and asks which one in October", async () => {
    const item = await approved("Clock changes");
    const spring = await refusal(
      editor.editorial.schedule({ ...item, publishAt: { date: "28/3/2027", time: "01:30" } }),
    );
    expect(spring).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("does not exist") });
    const autumn = await refusal(
      editor.editorial.schedule({ ...item, publishAt: { date: "31/10/2027", time: "01:30" } }),
    );
    expect(autumn).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("happens twice") });
    expect((await state(item.itemId)).publishAt).toBeNull();

    await editor.editorial.schedule({ ...item, publishAt: { date: "31/10/2027", time: "01:30", clock: "GMT" } });
    expect((await state(item.itemId)).publishAt).toEqual(new Date("2027-10-31T01:30:00Z"));
    // Across the March change: 09:00 on the day the clocks go forward is already BST.
    await editor.editorial.schedule({ ...item, publishAt: { date: "28/3/2027", time: "09:00" } });
    expect((await state(item.itemId)).publishAt).toEqual(new Date("2027-03-28T08:00:00Z"));
    const audit = await h.db.auditEvent.findFirst({
      where: { targetId: item.itemId, action: "content.schedule" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.summary).toContain("28 March 2027 at 9:00am BST");
  });

  it("reads the date and time inputs' formats, in London time", async () => {
    const item = await approved("Input formats");
    await editor.editorial.schedule({ ...item, publishAt: { date: "2099-07-01", time: "09:30" } });
    expect((await state(item.itemId)).publishAt).toEqual(new Date("2099-07-01T08:30:00Z"));
    await editor.editorial.scheduleUnpublish({
      itemId: item.itemId,
      unpublishAt: { date: "2099-12-01", time: "17:00" },
    });
    expect((await state(item.itemId)).unpublishAt).toEqual(new Date("2099-12-01T17:00:00Z"));
  });

  it("says beside the field what is missing or wrong, and changes nothing", async () => {
    const item = await approved("Bad times");
    const cases = [
      [{ date: "", time: "09:00" }, "Enter a date"],
      [{ date: "2099-02-30", time: "09:00" }, "Enter a real date, for example 27 March 2027"],
      [{ date: "2099-02-01", time: "" }, "Enter a time"],
      [{ date: "2099-02-01", time: "25:00" }, "Enter a real time, for example 14:30"],
      [{ date: "2027-03-28", time: "01:30" }, expect.stringContaining("1:30am on 28 March 2027 does not exist")],
      [{ date: "2027-10-31", time: "01:30" }, expect.stringContaining("happens twice")],
    ] as const;
    const formErrors = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.fail("expected a refusal"),
        (error: unknown) => toFormErrors(error),
      );
    for (const [publishAt, message] of cases) {
      const errors = await formErrors(editor.editorial.schedule({ ...item, publishAt }));
      expect(errors?.fieldErrors, JSON.stringify(publishAt)).toEqual({ publishAt: message });
    }
    const unpublish = await formErrors(
      editor.editorial.scheduleUnpublish({ itemId: item.itemId, unpublishAt: { date: "2099-06-01", time: "" } }),
    );
    expect(unpublish?.fieldErrors).toEqual({ unpublishAt: "Enter a time" });
    expect(await state(item.itemId)).toMatchObject({ status: "APPROVED", publishAt: null, unpublishAt: null });
  });

  it("refuses an unpublish before the publication, either way round", async () => {
    const item = await approved("Unpublish order");
    await editor.editorial.schedule({ ...item, publishAt: { date: "1/6/2099", time: "09:00" } });
    const early = await refusal(
      editor.editorial.scheduleUnpublish({ itemId: item.itemId, unpublishAt: { date: "1/6/2099", time: "08:00" } }),
    );
    expect(early).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("before it goes on") });
    await editor.editorial.scheduleUnpublish({ itemId: item.itemId, unpublishAt: { date: "2/6/2099", time: "09:00" } });
    const later = await refusal(editor.editorial.schedule({ ...item, publishAt: { date: "3/6/2099", time: "09:00" } }));
    expect(later.code).toBe("BAD_REQUEST");
    expect((await state(item.itemId)).publishAt).toEqual(new Date("2099-06-01T08:00:00Z"));
  });

  it("takes an item off the site at its unpublish time and records it", async () => {
    const item = await approved("Unpublish at");
    await editor.editorial.publishNow(item);
    await editor.editorial.scheduleUnpublish({ itemId: item.itemId, unpublishAt: { date: "1/1/2099", time: "12:00" } });
    expect(await isPublic(item.slug)).toBe("Unpublish at");
    await elapse(item.itemId, "unpublishAt");
    expect(await isPublic(item.slug)).toBeNull();
    const { unpublished } = await recordDueTransitions(h.db);
    expect(unpublished.map((u) => u.id)).toContain(item.itemId);
    expect(await state(item.itemId)).toMatchObject({ status: "APPROVED", liveRevisionId: null, unpublishAt: null });
  });

  it("keeps the live revision public until a scheduled edit's time comes", async () => {
    const item = await approved("Scheduled edit");
    await editor.editorial.publishNow(item);
    const edit = await author.api.editorial.save({
      itemId: item.itemId,
      baseRevisionId: item.revisionId,
      title: "Scheduled edit, revised",
      kind: "NEWS",
    });
    const editRef = { itemId: item.itemId, revisionId: edit.revisionId };
    await author.api.editorial.submit(editRef);
    await editor.editorial.approve(editRef);
    await editor.editorial.schedule({
      ...editRef,
      publishAt: { date: "1/1/2099", time: "12:00" },
      changeKind: "major",
      changeNote: "Revised.",
    });
    const before = await state(item.itemId);
    expect(before.publishedAt).not.toEqual(before.publishAt);
    expect(await isPublic(item.slug)).toBe("Scheduled edit");
    const publication = async () =>
      (await editor.editorial.compare({ fromId: item.revisionId, toId: edit.revisionId })).changes.find(
        (c) => c.field === "schedule",
      );
    expect(await publication()).toMatchObject({ before: "live", after: "scheduled for 1 January 2099 at 12:00pm GMT" });

    await elapse(item.itemId, "publishAt");
    expect(await isPublic(item.slug)).toBe("Scheduled edit, revised");
    // Staff see what readers see at the scheduled instant, before the scheduler has recorded it.
    expect(await publication()).toMatchObject({ before: "approved", after: "live" });
  });

  it("flags a schedule that passed unrecorded and catches it up, saying it was late", async () => {
    const item = await approved("Caught up");
    await editor.editorial.schedule({ ...item, publishAt: { date: "1/1/2099", time: "12:00" } });
    await elapse(item.itemId, "publishAt", 10 * 60_000);
    expect((await findOverdueTransitions(h.db)).map((o) => o.id)).toContain(item.itemId);
    expect((await editor.editorial.dashboard()).overdue.map((o) => o.id)).toContain(item.itemId);
    const { late } = await recordDueTransitions(h.db);
    expect(late).toBeGreaterThanOrEqual(1);
    expect(
      await h.db.auditEvent.count({ where: { targetId: item.itemId, action: "content.publishRecordedLate" } }),
    ).toBe(1);
    expect((await findOverdueTransitions(h.db)).map((o) => o.id)).not.toContain(item.itemId);
  });

  it("cancels a schedule, clearing the provisional publication date", async () => {
    const item = await approved("Cancelled");
    await editor.editorial.schedule({ ...item, publishAt: { date: "1/1/2099", time: "12:00" } });
    await editor.editorial.cancelSchedule({ itemId: item.itemId });
    expect(await state(item.itemId)).toMatchObject({
      status: "APPROVED",
      scheduledRevisionId: null,
      publishAt: null,
      publishedAt: null,
    });
  });

  it("records 1,000 items due in the same minute exactly once each across concurrent scheduler runs", async () => {
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    const prefix = `bulk-${randomUUID().slice(0, 8)}`;
    const ids = Array.from({ length: 1000 }, (_, n) => `${prefix}-${n}`);
    await h.db.contentItem.createMany({
      data: ids.map((id) => ({
        id,
        kind: "NEWS" as const,
        slug: id,
        status: "SCHEDULED" as const,
        createdById: author.user.id,
      })),
    });
    await h.db.revision.createMany({
      data: ids.map((id, n) => ({
        id: `${id}-r`,
        itemId: id,
        number: 1,
        authorId: author.user.id,
        title: `Bulk ${n}`,
        approvedAt: minute,
      })),
    });
    await h.db.$executeRaw`
      UPDATE "ContentItem" SET "latestRevisionId" = "id" || '-r', "scheduledRevisionId" = "id" || '-r',
        "publishAt" = ${minute}::timestamptz + (random() * interval '59 seconds'), "publishedAt" = ${minute}::timestamptz
      WHERE "slug" LIKE ${`${prefix}-%`}`;

    const runs = await Promise.all(Array.from({ length: 4 }, () => recordDueTransitions(h.db)));
    const recorded = runs.flatMap((r) => r.published.map((p) => p.id)).filter((id) => id.startsWith(prefix));
    expect(recorded).toHaveLength(1000);
    expect(new Set(recorded).size).toBe(1000);
    const live = await h.db.contentItem.count({
      where: {
        id: { startsWith: prefix },
        status: "PUBLISHED",
        liveRevisionId: { not: null },
        scheduledRevisionId: null,
      },
    });
    expect(live).toBe(1000);
    const audits = await h.db.auditEvent.groupBy({
      by: ["targetId"],
      where: { targetId: { startsWith: prefix }, action: { startsWith: "content.publishRecorded" } },
      _count: true,
    });
    expect(audits).toHaveLength(1000);
    expect(audits.every((a) => a._count === 1)).toBe(true);
  });

  it("runs as a background job that any number of instances may try", async () => {
    const results = await Promise.all([runIfDue(h.db, recordScheduleJob), runIfDue(h.db, recordScheduleJob)]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(results.find((r) => r !== null)).toMatch(/^recorded \d+ publications/);
  });
});
