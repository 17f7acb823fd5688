import { bodyOf, createItem, createUser } from "@observatory/db/testing";
import type { ContentKind, UserModel as User } from "@observatory/db";
import { addLondonMonths, formatDate } from "@observatory/time";
import { beforeAll, describe, expect, it } from "vitest";
import { readPublicState } from "../content/public-state.ts";
import { recordDueTransitions } from "../editorial/scheduler.ts";
import { runIfDue } from "../jobs/runner.ts";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";
import { reviewReminderJob, sendReviewReminders } from "./reminders.ts";
import { defaultReviewDueSettings } from "./settings.ts";

// Review due (decision 014) against the real router and a real database: publishing and "Mark as
// reviewed" set the dates in London calendar months across the clock changes, who may do what, what
// readers and the page cache see, and the owners' digest sent once however many instances run it.

type Caller = Awaited<ReturnType<Harness["as"]>>;

const DAY = 86_400_000;
/** 10:00 London on a December day: after the digest's 07:00 start. */
const morning = (iso: string) => new Date(iso);

describe("review due", () => {
  const h = useHarness();
  let admin: { user: User; api: Caller };
  let editor: { user: User; api: Caller };
  let author: { user: User; api: Caller };
  let otherAuthor: { user: User; api: Caller };
  let moderator: Caller;

  beforeAll(async () => {
    admin = await h.signedIn("ADMIN", { fields: { name: "Ann Admin" } });
    editor = await h.signedIn("EDITOR", { fields: { name: "Eve Editor" } });
    author = await h.signedIn("AUTHOR", { fields: { name: "Ada Author" } });
    otherAuthor = await h.signedIn("AUTHOR", { fields: { name: "Otto Other" } });
    moderator = await h.as("MODERATOR");
  });

  const item = (id: string) => h.db.contentItem.findUniqueOrThrow({ where: { id } });

  /** A live item owned by `ownerId`, its next review due at `due` (last reviewed a year before). */
  async function liveItem(title: string, ownerId: string, due: Date, kind: ContentKind = "NEWS") {
    const created = await createItem(h.db, { authorId: ownerId, kind, live: { title } });
    await h.db.contentItem.update({
      where: { id: created.id },
      data: { ownerId, nextReviewDue: due, lastReviewedAt: addLondonMonths(due, -12) },
    });
    return created;
  }

  async function published(title: string, kind: ContentKind = "NEWS") {
    const created = await author.api.editorial.create({ title, kind, body: bodyOf(`About ${title}`) });
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    await author.api.editorial.submit(ref);
    await editor.api.editorial.approve(ref);
    await editor.api.editorial.publishNow(ref);
    return { ...ref, slug: created.slug };
  }

  describe("dates", () => {
    it("publishing now sets last reviewed to the moment it went live and the next review a kind's interval on", async () => {
      const { itemId } = await published("Review dates on publication");
      const stored = await item(itemId);
      expect(stored.ownerId).toBe(author.user.id);
      expect(stored.lastReviewedAt).toEqual(stored.liveSince);
      expect(stored.nextReviewDue).toEqual(addLondonMonths(stored.liveSince as Date, 12));
      // No date on the revision any more: the content form does not ask for one.
      expect(await h.db.revision.count({ where: { itemId } })).toBe(1);
    });

    it("a scheduled publication recorded across the March change is due on the same London date, at its midnight", async () => {
      // 23:30 GMT on Saturday 28 March 2026; the clocks went forward that night.
      const publishAt = new Date("2026-03-28T23:30:00Z");
      const created = await createItem(h.db, { authorId: author.user.id, scheduled: { title: "March", publishAt } });
      await recordDueTransitions(h.db, new Date("2026-03-29T02:00:00Z"));
      const stored = await item(created.id);
      expect(stored.lastReviewedAt).toEqual(publishAt);
      // 28 March 2027 starts at 00:00 GMT (the clocks go forward later that day).
      expect(stored.nextReviewDue).toEqual(new Date("2027-03-28T00:00:00Z"));
      expect(formatDate(stored.nextReviewDue as Date)).toBe("28 March 2027");
    });

    it("one recorded in the October hour that happens twice, with a 6-month interval, is due at midnight BST", async () => {
      await admin.api.reviewDue.updateSettings({
        ...defaultReviewDueSettings,
        BLOG: { ...defaultReviewDueSettings.BLOG, intervalMonths: 6 },
      });
      // 01:30 BST on 25 October 2026 (the first of the two 01:30s): the London date is the 25th.
      const publishAt = new Date("2026-10-25T00:30:00Z");
      const created = await createItem(h.db, {
        authorId: author.user.id,
        kind: "BLOG",
        scheduled: { title: "October", publishAt },
      });
      await recordDueTransitions(h.db, new Date("2026-10-25T03:00:00Z"));
      const stored = await item(created.id);
      expect(formatDate(stored.nextReviewDue as Date)).toBe("25 April 2027");
      expect(stored.nextReviewDue).toEqual(new Date("2027-04-24T23:00:00Z"));
      await admin.api.reviewDue.updateSettings(defaultReviewDueSettings);
    });

    it("an item's own interval overrides its kind's and moves its next review, counted from the last", async () => {
      const { itemId } = await published("Own interval");
      const before = await item(itemId);
      await editor.api.reviewDue.updateItem({ itemId, ownerId: author.user.id, intervalMonths: 3 });
      const after = await item(itemId);
      expect(after.reviewIntervalMonths).toBe(3);
      expect(after.nextReviewDue).toEqual(addLondonMonths(before.lastReviewedAt as Date, 3));
      const marked = await author.api.reviewDue.markReviewed({ itemId, note: "" });
      expect(marked.nextReviewDue).toEqual(addLondonMonths(marked.lastReviewedAt, 3));
    });

    it("new items of a kind with a default owner are owned by that person, else by their creator", async () => {
      await admin.api.reviewDue.updateSettings({
        ...defaultReviewDueSettings,
        PRESS_RELEASE: { ...defaultReviewDueSettings.PRESS_RELEASE, defaultOwnerId: editor.user.id },
      });
      const press = await author.api.editorial.create({ title: "Owned by default", kind: "PRESS_RELEASE" });
      const news = await author.api.editorial.create({ title: "Owned by creator", kind: "NEWS" });
      expect((await item(press.itemId)).ownerId).toBe(editor.user.id);
      expect((await item(news.itemId)).ownerId).toBe(author.user.id);
      // Items written straight to the database get their creator from the trigger.
      const raw = await createItem(h.db, { authorId: otherAuthor.user.id, live: { title: "Raw" } });
      expect((await item(raw.id)).ownerId).toBe(otherAuthor.user.id);
      await admin.api.reviewDue.updateSettings(defaultReviewDueSettings);
    });
  });

  describe("mark as reviewed", () => {
    it("the owner renews the dates with a note, audited, without a new revision", async () => {
      const due = new Date(Date.now() - 3 * DAY);
      const created = await liveItem("Owner marks", author.user.id, due);
      const revisions = await h.db.revision.count({ where: { itemId: created.id } });
      const done = await author.api.reviewDue.markReviewed({ itemId: created.id, note: "Checked the figures" });
      const stored = await item(created.id);
      expect(stored.lastReviewedAt).toEqual(done.lastReviewedAt);
      expect(stored.nextReviewDue).toEqual(addLondonMonths(done.lastReviewedAt, 12));
      expect(await h.db.revision.count({ where: { itemId: created.id } })).toBe(revisions);
      const event = await h.db.auditEvent.findFirstOrThrow({
        where: { action: "content.markReviewed", targetId: created.id },
      });
      expect(event.actorId).toBe(author.user.id);
      expect(event.summary).toContain("Checked the figures");
      expect(event.data).toMatchObject({ note: "Checked the figures", previousDue: due.toISOString() });
      const view = await author.api.reviewDue.item({ itemId: created.id });
      expect(view.history[0]).toMatchObject({ by: "Ada Author", note: "Checked the figures" });
      expect(view.stage).toBeNull();
    });

    it("an author who is not the owner cannot; an editor can; a moderator cannot even see the list", async () => {
      const created = await liveItem("Not yours", author.user.id, new Date(Date.now() - DAY));
      const refused = await refusal(otherAuthor.api.reviewDue.markReviewed({ itemId: created.id, note: "" }));
      expect(refused.code).toBe("FORBIDDEN");
      expect((await item(created.id)).nextReviewDue?.getTime()).toBeLessThan(Date.now());
      expect((await otherAuthor.api.reviewDue.item({ itemId: created.id })).can.markReviewed).toBe(false);
      expect((await refusal(moderator.reviewDue.list({}))).code).toBe("FORBIDDEN");
      expect((await refusal(moderator.reviewDue.markReviewed({ itemId: created.id, note: "" }))).code).toBe(
        "FORBIDDEN",
      );
      await editor.api.reviewDue.markReviewed({ itemId: created.id, note: "" });
      expect((await item(created.id)).nextReviewDue?.getTime()).toBeGreaterThan(Date.now());
    });

    it("refuses content that is not on the public site, and a note that is too long", async () => {
      const draft = await author.api.editorial.create({ title: "Only a draft", kind: "NEWS" });
      expect((await refusal(author.api.reviewDue.markReviewed({ itemId: draft.itemId, note: "" }))).code).toBe(
        "CONFLICT",
      );
      const created = await liveItem("Long note", author.user.id, new Date(Date.now() + 5 * DAY));
      const long = await refusal(author.api.reviewDue.markReviewed({ itemId: created.id, note: "x".repeat(1001) }));
      expect(long.form?.fieldErrors.note).toBe("The note must be 1,000 characters or fewer");
    });
  });

  describe("owner", () => {
    it("an editor changes it, audited; an author cannot; a moderator cannot own content", async () => {
      const created = await liveItem("Change owner", author.user.id, new Date(Date.now() + 100 * DAY));
      expect(
        (
          await refusal(
            author.api.reviewDue.updateItem({ itemId: created.id, ownerId: otherAuthor.user.id, intervalMonths: null }),
          )
        ).code,
      ).toBe("FORBIDDEN");
      const moderatorUser = await createUser(h.db, "MODERATOR");
      const notOwner = await refusal(
        editor.api.reviewDue.updateItem({ itemId: created.id, ownerId: moderatorUser.id, intervalMonths: null }),
      );
      expect(notOwner.form?.fieldErrors.ownerId).toContain("Choose an owner");
      await editor.api.reviewDue.updateItem({ itemId: created.id, ownerId: otherAuthor.user.id, intervalMonths: null });
      expect((await item(created.id)).ownerId).toBe(otherAuthor.user.id);
      const event = await h.db.auditEvent.findFirstOrThrow({
        where: { action: "content.reviewOwnership", targetId: created.id },
      });
      expect(event.summary).toContain("owner now Otto Other");
      // The new owner may mark it; the old one no longer can.
      expect((await refusal(author.api.reviewDue.markReviewed({ itemId: created.id, note: "" }))).code).toBe(
        "FORBIDDEN",
      );
      await otherAuthor.api.reviewDue.markReviewed({ itemId: created.id, note: "" });
    });
  });

  describe("settings", () => {
    it("administrators change them, audited setting by setting; others cannot; bad numbers are refused per field", async () => {
      expect((await refusal(editor.api.reviewDue.updateSettings(defaultReviewDueSettings))).code).toBe("FORBIDDEN");
      await admin.api.reviewDue.updateSettings({
        ...defaultReviewDueSettings,
        PAGE: { ...defaultReviewDueSettings.PAGE, intervalMonths: 6, dueSoonDays: 14 },
      });
      expect((await admin.api.reviewDue.settings()).PAGE).toMatchObject({ intervalMonths: 6, dueSoonDays: 14 });
      const event = await h.db.auditEvent.findFirstOrThrow({
        where: { action: "settings.reviewDue" },
        orderBy: { createdAt: "desc" },
      });
      expect(event.data).toMatchObject({
        changes: [
          { label: "Pages: review every (months)", from: 12, to: 6 },
          { label: "Pages: due soon (days before)", from: 30, to: 14 },
        ],
      });
      const bad = await refusal(
        admin.api.reviewDue.updateSettings({
          ...defaultReviewDueSettings,
          NEWS: { ...defaultReviewDueSettings.NEWS, intervalMonths: 0 },
        }),
      );
      expect(bad.form?.fieldErrors["NEWS.intervalMonths"]).toBe("Enter at least 1 month");
      await admin.api.reviewDue.updateSettings(defaultReviewDueSettings);
    });
  });

  describe("the public page", () => {
    const article = async (section: string, slug: string) => {
      const result = await (await h.anonymous()).content.article({ section, slug });
      if (result.kind !== "item") throw new Error("expected an item");
      return result.item;
    };

    it("shows both dates for a kind that shows them, and never a due date that has passed", async () => {
      const future = await liveItem("Public future", author.user.id, new Date(Date.now() + 40 * DAY));
      const shown = await article("news", future.slug);
      expect(shown.lastReviewedAt).not.toBeNull();
      expect(shown.nextReviewDue).toEqual((await item(future.id)).nextReviewDue);

      const overdue = await liveItem("Public overdue", author.user.id, new Date(Date.now() - DAY));
      const late = await article("news", overdue.slug);
      expect(late.lastReviewedAt).toEqual((await item(overdue.id)).lastReviewedAt);
      expect(late.nextReviewDue).toBeNull();
    });

    it("shows no dates for a kind whose setting says not to, and the setting changes the public version", async () => {
      const blog = await liveItem("Public blog", author.user.id, new Date(Date.now() + 40 * DAY), "BLOG");
      const hidden = await (await h.anonymous()).content.article({ section: "blogs", slug: blog.slug });
      expect(hidden.kind === "item" && [hidden.item.lastReviewedAt, hidden.item.nextReviewDue]).toEqual([null, null]);
      const before = (await readPublicState(h.db, new Date())).version;
      await admin.api.reviewDue.updateSettings({
        ...defaultReviewDueSettings,
        BLOG: { ...defaultReviewDueSettings.BLOG, showOnPage: true },
      });
      expect((await readPublicState(h.db, new Date())).version).not.toBe(before);
      expect((await article("blogs", blog.slug)).nextReviewDue).not.toBeNull();
      await admin.api.reviewDue.updateSettings(defaultReviewDueSettings);
    });

    it("a cached page expires when a review falls due: the due instant is the next change", async () => {
      const now = new Date();
      const soon = new Date(now.getTime() + 90_000);
      await liveItem("Due in a minute and a half", author.user.id, soon);
      const state = await readPublicState(h.db, now);
      expect(state.nextChangeAt?.getTime()).toBeLessThanOrEqual(soon.getTime());
      // Not a draft's: only items on the site count.
      const draftDue = await createItem(h.db, { authorId: author.user.id, pending: { title: "Draft due" } });
      await h.db.contentItem.update({
        where: { id: draftDue.id },
        data: { nextReviewDue: new Date(now.getTime() + 1000) },
      });
      expect((await readPublicState(h.db, now)).nextChangeAt?.getTime()).not.toBe(now.getTime() + 1000);
    });
  });

  describe("the list", () => {
    it("lists overdue and due-soon items with the report per owner and kind, filtered", async () => {
      const o = await liveItem("List overdue", otherAuthor.user.id, new Date(Date.now() - 2 * DAY), "PAGE");
      const s = await liveItem("List soon", otherAuthor.user.id, new Date(Date.now() + 10 * DAY), "PAGE");
      const later = await liveItem("List later", otherAuthor.user.id, new Date(Date.now() + 60 * DAY), "PAGE");
      const all = await editor.api.reviewDue.list({ ownerId: otherAuthor.user.id, kind: "PAGE" });
      const titles = all.items.map((i) => [i.title, i.stage]);
      expect(titles).toContainEqual(["List overdue", "OVERDUE"]);
      expect(titles).toContainEqual(["List soon", "DUE_SOON"]);
      expect(all.items.map((i) => i.id)).not.toContain(later.id);
      expect(all.items.findIndex((i) => i.id === o.id)).toBeLessThan(all.items.findIndex((i) => i.id === s.id));
      expect(all.report).toContainEqual(
        expect.objectContaining({ ownerId: otherAuthor.user.id, kind: "PAGE", overdue: 1, dueSoon: 1 }),
      );
      const overdueOnly = await editor.api.reviewDue.list({ ownerId: otherAuthor.user.id, stage: "OVERDUE" });
      expect(overdueOnly.items.every((i) => i.stage === "OVERDUE")).toBe(true);
      // The owner's dashboard panel.
      const mine = await otherAuthor.api.reviewDue.mine();
      expect(mine.items.map((i) => i.id)).toEqual(expect.arrayContaining([o.id, s.id]));
      // An author sees the list, but may mark only what they own.
      const seenByAuthor = await author.api.reviewDue.list({ ownerId: otherAuthor.user.id });
      expect(seenByAuthor.items.every((i) => !i.canMarkReviewed)).toBe(true);
    });
  });
});

describe("review reminders", () => {
  const h = useHarness();

  /** Digests queued to `to` since the test began. */
  const mailTo = (to: string) =>
    h.db.emailMessage.findMany({
      where: { to, subject: { startsWith: "Content review" } },
      orderBy: { createdAt: "asc" },
    });

  it("two instances at once send each owner one digest, each item once per stage; a later run adds only what is new", async () => {
    const owner = await createUser(h.db, "AUTHOR", { name: "Olive Owner" });
    const second = await createUser(h.db, "EDITOR", { name: "Sid Second" });
    // 10:00 GMT on 7 December 2026.
    const now = morning("2026-12-07T10:00:00Z");
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    const make = async (title: string, ownerId: string, due: Date) => {
      const created = await createItem(h.db, { authorId: ownerId, live: { title } });
      await h.db.contentItem.update({ where: { id: created.id }, data: { ownerId, nextReviewDue: due } });
      return created;
    };
    const overdue = await make("Overdue one", owner.id, at(-3));
    const soon = await make("Soon one", owner.id, at(10));
    await make("Far one", owner.id, at(200));
    await make("Second's overdue", second.id, at(-1));

    const runs = await Promise.all([sendReviewReminders(h.db, now), sendReviewReminders(h.db, now)]);
    expect(runs.filter((r) => r.startsWith("sent"))).toHaveLength(1);

    const ownerMail = await mailTo(owner.email);
    expect(ownerMail).toHaveLength(1);
    expect(ownerMail[0]?.subject).toBe("Content review: 1 overdue, 1 due soon");
    expect(ownerMail[0]?.text).toContain("Dear Olive Owner,");
    expect(ownerMail[0]?.text).toContain("Overdue one");
    expect(ownerMail[0]?.text).toContain("Soon one");
    expect(ownerMail[0]?.text).not.toContain("Far one");
    expect(ownerMail[0]?.text).toContain("/content/review-due");
    expect(await mailTo(second.email)).toHaveLength(1);

    // Run again: nothing new, nothing sent.
    expect(await sendReviewReminders(h.db, new Date(now.getTime() + 3_600_000))).toMatch(/already|no reviews/);
    expect(await mailTo(owner.email)).toHaveLength(1);

    // Eleven days on, the due-soon item is overdue: it is in the next digest, once, as overdue.
    const later = new Date(now.getTime() + 11 * DAY);
    await Promise.all([sendReviewReminders(h.db, later), sendReviewReminders(h.db, later)]);
    const mails = await mailTo(owner.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe("Content review: 1 overdue");
    expect(mails[1]?.text).toContain("Soon one");
    expect(mails[1]?.text).not.toContain("Overdue one");

    // Marked as reviewed: a new due date, so it can be reminded of again in a year, not before.
    await h.db.contentItem.update({ where: { id: overdue.id }, data: { nextReviewDue: at(365) } });
    expect(await sendReviewReminders(h.db, new Date(later.getTime() + DAY))).toMatch(/already|no reviews/);
    expect(await h.db.reviewReminder.count({ where: { itemId: { in: [overdue.id, soon.id] } } })).toBe(3);
  });

  it("through the job runner on two instances at once: one digest", async () => {
    const owner = await createUser(h.db, "AUTHOR", { name: "Runner Owner" });
    const created = await createItem(h.db, { authorId: owner.id, live: { title: "Runner item" } });
    await h.db.contentItem.update({
      where: { id: created.id },
      data: { ownerId: owner.id, nextReviewDue: new Date(Date.now() - DAY) },
    });
    // A morning an hour past 07:00 London, whatever today is.
    const now = new Date();
    now.setUTCHours(9, 0, 0, 0);
    const runs = await Promise.all([runIfDue(h.db, reviewReminderJob, now), runIfDue(h.db, reviewReminderJob, now)]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    expect(await mailTo(owner.email)).toHaveLength(1);
  });

  it("waits until 07:00 London time, and sends an item whose owner is disabled to the administrators", async () => {
    const admin = await createUser(h.db, "ADMIN", { name: "Ada Admin" });
    const gone = await createUser(h.db, "AUTHOR", { name: "Gone Owner" });
    await h.db.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const created = await createItem(h.db, { authorId: gone.id, live: { title: "Orphaned item" } });
    const now = morning("2027-01-10T06:30:00Z");
    await h.db.contentItem.update({
      where: { id: created.id },
      data: { ownerId: gone.id, nextReviewDue: new Date(now.getTime() - DAY) },
    });
    expect(await sendReviewReminders(h.db, now)).toBe("waiting until 7:00");
    await sendReviewReminders(h.db, new Date(now.getTime() + 3_600_000));
    expect(await mailTo(gone.email)).toHaveLength(0);
    const mail = await mailTo(admin.email);
    expect(mail.at(-1)?.text).toContain("Orphaned item");
    expect(mail.at(-1)?.text).toContain("their owner can no longer act on them");
  });
});
