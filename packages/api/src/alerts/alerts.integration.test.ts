import { bodyOf, createWorkstream } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { recordDueTransitions } from "../editorial/scheduler.ts";
import { exportCommentsByEmail } from "../moderation/personal-data.ts";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";
import { purgeUnconfirmed, queuePublicationAlerts, sendWeeklyDigests } from "./sending.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

describe("email alerts for readers", () => {
  const h = useHarness();
  let author: Caller;
  let editor: Caller;
  let priority: { id: string; slug: string; title: string };
  let counter = 0;

  beforeAll(async () => {
    author = await h.as("AUTHOR");
    editor = await h.as("EDITOR");
    priority = await createWorkstream(h.db, { title: "Mental health" });
  });

  // Each test's readers come from their own address, so the per-IP limit never mixes tests.
  const reader = () => {
    counter += 1;
    return h.anonymous(`198.51.100.${counter}`);
  };
  const address = (name: string) => `${name}-${counter}-${Date.now()}@example.org`;
  const mailTo = (to: string) => h.db.emailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
  const linkIn = (text: string, path: string) => {
    const link = text.split(/\s+/).find((word) => word.includes(path));
    if (!link) throw new Error(`no ${path} link in ${text}`);
    return link;
  };
  const tokenOf = (link: string) => link.split("/").at(-1) ?? "";
  type Choices = Omit<Parameters<Caller["alerts"]["subscribe"]>[0], "email">;
  const everything: Choices = { everything: true, kinds: [], priorities: [], frequency: "IMMEDIATE" };

  /** Subscribes and opens the confirmation link; returns the manage token from the confirmation page. */
  async function subscribed(email: string, choices: Partial<Choices> = everything) {
    const api = await reader();
    await api.alerts.subscribe({ ...everything, ...choices, email });
    const [mail] = await mailTo(email);
    await api.alerts.confirm({ token: tokenOf(linkIn(mail?.text ?? "", "/alerts/confirm/")) });
    return h.db.alertSubscription.findUniqueOrThrow({ where: { email } });
  }

  async function published(
    title: string,
    fields: { kind?: "NEWS" | "BLOG" | "PRESS_RELEASE"; workstreamIds?: string[] } = {},
  ) {
    const created = await author.editorial.create({
      title,
      kind: fields.kind ?? "NEWS",
      summary: `What ${title} is about.`,
      workstreamIds: fields.workstreamIds ?? [],
      body: bodyOf(`About ${title}`),
    });
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    await author.editorial.submit(ref);
    await editor.editorial.approve(ref);
    await editor.editorial.publishNow(ref);
    return { ...ref, slug: created.slug };
  }

  const alertsAbout = async (to: string, title: string) => (await mailTo(to)).filter((m) => m.subject.includes(title));

  it("sends nothing but a confirmation until the link is opened, then alerts on first publication", async () => {
    const email = address("Reader");
    const api = await reader();
    await api.alerts.subscribe({ ...everything, email });
    const row = await h.db.alertSubscription.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(row.confirmedAt).toBeNull();
    expect(row.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const [confirmation] = await mailTo(email.toLowerCase());
    expect(confirmation?.subject).toContain("Confirm your email alerts");
    const token = tokenOf(linkIn(confirmation?.text ?? "", "/alerts/confirm/"));
    expect(row.confirmTokenHash).not.toContain(token);

    await published("Before confirming");
    expect(await alertsAbout(email.toLowerCase(), "Before confirming")).toHaveLength(0);

    expect(await api.alerts.confirmationOpen({ token })).toBe(true);
    await api.alerts.confirm({ token });
    expect(await api.alerts.confirmationOpen({ token })).toBe(false);
    const reused = await refusal(api.alerts.confirm({ token }));
    expect(reused.code).toBe("NOT_FOUND");
    expect(reused.message).toContain("expired or has already been used");

    const item = await published("After confirming");
    const [alert, ...more] = await alertsAbout(email.toLowerCase(), "After confirming");
    expect(more).toHaveLength(0);
    expect(alert?.subject).toBe("New news: After confirming");
    expect(alert?.text).toContain("What After confirming is about.");
    expect(alert?.text).toContain(`/news/${item.slug}`);
    const unsubscribe = linkIn(alert?.text ?? "", "/alerts/unsubscribe/");
    expect(alert?.headers).toEqual({
      "List-Unsubscribe": `<${unsubscribe.replace("/alerts/unsubscribe/", "/alerts/one-click/")}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(alert?.text).toContain("/alerts/manage/");
  });

  it("does not alert again when a published item has a minor change, or is unpublished and published again", async () => {
    const email = address("updates");
    await subscribed(email);
    const item = await published("Updated later");
    expect(await alertsAbout(email, "Updated later")).toHaveLength(1);

    const saved = await author.editorial.save({
      itemId: item.itemId,
      baseRevisionId: item.revisionId,
      title: "Updated later",
      kind: "NEWS",
      body: bodyOf("A correction"),
    });
    const ref = { itemId: item.itemId, revisionId: saved.revisionId };
    await author.editorial.submit(ref);
    await editor.editorial.approve(ref);
    await editor.editorial.publishNow({ ...ref, changeKind: "minor" });
    await editor.editorial.unpublish({ itemId: item.itemId });
    await editor.editorial.publishNow(ref);
    expect(await alertsAbout(email, "Updated later")).toHaveLength(1);
  });

  it("alerts once on a major change, with its note, and its weekly digest lists it as updated", async () => {
    const email = address("major");
    const weekly = address("major-weekly");
    await subscribed(email);
    const digest = await subscribed(weekly, { frequency: "WEEKLY" });
    const item = await published("Changed in earnest");
    const saved = await author.editorial.save({
      itemId: item.itemId,
      baseRevisionId: item.revisionId,
      title: "Changed in earnest",
      kind: "NEWS",
      body: bodyOf("New figures"),
    });
    const ref = { itemId: item.itemId, revisionId: saved.revisionId };
    await author.editorial.submit(ref);
    await editor.editorial.approve(ref);
    await editor.editorial.publishNow({ ...ref, changeKind: "major", changeNote: "Added the figures for 2025." });
    // Published again after coming off the site: the same revision is not news twice.
    await editor.editorial.unpublish({ itemId: item.itemId });
    await editor.editorial.publishNow(ref);

    const [first, update, ...more] = await alertsAbout(email, "Changed in earnest");
    expect(more).toHaveLength(0);
    expect(first?.subject).toBe("New news: Changed in earnest");
    expect(update?.subject).toBe("Updated news: Changed in earnest");
    expect(update?.text).toContain("What changed: Added the figures for 2025.");

    // A week on, the digest reports the item as updated, with the note.
    await h.db.alertSubscription.update({
      where: { id: digest.id },
      data: { lastDigestAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    await sendWeeklyDigests(h.db);
    const [weeklyMail] = (await mailTo(weekly)).filter((m) => m.subject.startsWith("Your weekly alerts"));
    expect(weeklyMail?.text).toContain("News (updated): Changed in earnest");
    expect(weeklyMail?.text).toContain("What changed: Added the figures for 2025.");
  });

  it("alerts only the subscribers whose choices match: a kind, any of the item's priorities, or everything", async () => {
    const news = address("news");
    const blogs = address("blogs");
    const health = address("health");
    const weekly = address("weekly");
    await subscribed(news, { everything: false, kinds: ["NEWS"] });
    await subscribed(blogs, { everything: false, kinds: ["BLOG"] });
    await subscribed(health, { everything: false, priorities: [priority.slug] });
    await subscribed(weekly, { frequency: "WEEKLY" });

    await published("A blog on mental health", { kind: "BLOG", workstreamIds: [priority.id] });
    expect(await alertsAbout(news, "A blog on mental health")).toHaveLength(0);
    expect(await alertsAbout(blogs, "A blog on mental health")).toHaveLength(1);
    expect(await alertsAbout(health, "A blog on mental health")).toHaveLength(1);
    expect(await alertsAbout(weekly, "A blog on mental health")).toHaveLength(0);
  });

  it("alerts on a scheduled first publication once per subscriber, even when it is queued twice at once", async () => {
    const email = address("scheduled");
    await subscribed(email);
    const created = await author.editorial.create({
      title: "Scheduled story",
      kind: "PRESS_RELEASE",
      body: bodyOf("Soon"),
    });
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    await author.editorial.submit(ref);
    await editor.editorial.approve(ref);
    await editor.editorial.schedule({ ...ref, publishAt: { date: "1/6/2099", time: "09:00" } });
    // As if the clock had reached the scheduled time (which is also the date readers see).
    const due = new Date(Date.now() - 1000);
    await h.db.contentItem.update({ where: { id: ref.itemId }, data: { publishAt: due, publishedAt: due } });
    await Promise.all([recordDueTransitions(h.db), recordDueTransitions(h.db)]);
    expect(await alertsAbout(email, "Scheduled story")).toHaveLength(1);

    // Two more runs at once (another instance, a retried job) add nobody: the delivery key holds.
    const queued = await Promise.all(
      [1, 2].map(() => h.db.$transaction((tx) => queuePublicationAlerts(tx, ref.itemId, { first: true }))),
    );
    expect(queued).toEqual([0, 0]);
    expect(await alertsAbout(email, "Scheduled story")).toHaveLength(1);
  });

  it("sends each weekly subscriber one digest of what matched since the last, and nothing when nothing did", async () => {
    const email = address("digest");
    const idle = address("idle");
    const subscription = await subscribed(email, { everything: false, kinds: ["BLOG"], frequency: "WEEKLY" });
    await subscribed(idle, { everything: false, kinds: ["PRESS_RELEASE"], frequency: "WEEKLY" });
    const lastDigest = new Date();
    await h.db.alertSubscription.updateMany({
      where: { email: { in: [email, idle] } },
      data: { lastDigestAt: lastDigest },
    });
    await published("Digest blog one", { kind: "BLOG" });
    await published("Digest blog two", { kind: "BLOG" });
    await published("Digest news", { kind: "NEWS" });
    expect(await mailTo(email)).toHaveLength(1); // only the confirmation so far

    // A week on, two runs at once (two instances).
    const now = new Date(lastDigest.getTime() + 7 * 86_400_000 + 1000);
    await Promise.all([sendWeeklyDigests(h.db, now), sendWeeklyDigests(h.db, now)]);
    const digests = (await mailTo(email)).filter((m) => m.subject.startsWith("Your weekly alerts"));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toContain("2 items");
    expect(digests[0]?.text).toContain("Digest blog one");
    expect(digests[0]?.text).toContain("Digest blog two");
    expect(digests[0]?.text).not.toContain("Digest news");
    expect(digests[0]?.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect((await mailTo(idle)).filter((m) => m.subject.startsWith("Your weekly"))).toHaveLength(0);
    const after = await h.db.alertSubscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(after.lastDigestAt).toEqual(now);

    // Not a week since: no digest.
    await sendWeeklyDigests(h.db, new Date(now.getTime() + 86_400_000));
    expect((await mailTo(email)).filter((m) => m.subject.startsWith("Your weekly"))).toHaveLength(1);
  });

  it("answers the form the same whether or not the address already has alerts, and changes nothing", async () => {
    const email = address("existing");
    const before = await subscribed(email, { everything: false, kinds: ["NEWS"] });
    const api = await reader();
    await expect(api.alerts.subscribe({ ...everything, email })).resolves.toBeUndefined();
    await expect(api.alerts.subscribe({ ...everything, email: address("new") })).resolves.toBeUndefined();
    const after = await h.db.alertSubscription.findUniqueOrThrow({ where: { email } });
    expect(after).toMatchObject({ everything: false, kinds: ["NEWS"], confirmedAt: before.confirmedAt });
    const last = (await mailTo(email)).at(-1);
    expect(last?.subject).toContain("You already get email alerts");
    expect(last?.text).toContain("/alerts/manage/");
  });

  it("refuses a form without a choice or with a bad address, field by field, storing nothing", async () => {
    const api = await reader();
    const refused = await refusal(
      api.alerts.subscribe({
        everything: false,
        kinds: [],
        priorities: [],
        frequency: "WEEKLY",
        email: "not an address",
      }),
    );
    expect(refused.form?.fieldErrors).toMatchObject({
      choice: "Choose everything, or at least one type of content or priority",
      email: "Enter an email address in the correct format, like name@example.com",
    });
    // Nothing chosen and no frequency: both said at once, so the reader fixes them in one go.
    const both = await refusal(
      api.alerts.subscribe({ ...everything, everything: false, frequency: "" as "WEEKLY", email: address("both") }),
    );
    expect(both.form?.fieldErrors).toMatchObject({
      choice: "Choose everything, or at least one type of content or priority",
      frequency: "Choose how often you want emails",
    });
    const stale = await refusal(
      api.alerts.subscribe({ ...everything, everything: false, priorities: ["gone"], email: address("stale") }),
    );
    expect(stale.form?.fieldErrors.priorities).toContain("no longer exists");
    expect(await h.db.alertSubscription.count({ where: { email: { contains: "stale" } } })).toBe(0);
  });

  it("limits how often one address can be asked for", async () => {
    const email = address("flooded");
    for (let i = 0; i < 3; i += 1) await (await reader()).alerts.subscribe({ ...everything, email });
    const refused = await refusal((await reader()).alerts.subscribe({ ...everything, email }));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/Try again in \d+ minutes/);
    expect(await mailTo(email)).toHaveLength(3);
  });

  it("lets the reader change their choices and unsubscribe in one click from the links in each email", async () => {
    const email = address("manage");
    await subscribed(email);
    await published("Manage me");
    const [alert] = await alertsAbout(email, "Manage me");
    const manage = tokenOf(linkIn(alert?.text ?? "", "/alerts/manage/"));
    const api = await reader();
    expect(await api.alerts.subscription({ token: manage })).toMatchObject({
      email,
      everything: true,
      covers: "everything we publish",
    });
    await api.alerts.update({
      token: manage,
      everything: false,
      kinds: ["BLOG"],
      priorities: [priority.slug],
      frequency: "WEEKLY",
    });
    expect(await api.alerts.subscription({ token: manage })).toMatchObject({
      everything: false,
      kinds: ["BLOG"],
      priorities: [priority.slug],
      frequency: "WEEKLY",
      covers: "blogs and our work on Mental health",
    });
    const forged = await refusal(api.alerts.subscription({ token: `${manage.split(".")[0]}.forged` }));
    expect(forged.code).toBe("NOT_FOUND");

    await api.alerts.unsubscribe({ token: tokenOf(linkIn(alert?.text ?? "", "/alerts/unsubscribe/")) });
    expect(await h.db.alertSubscription.count({ where: { email } })).toBe(0);
    await published("After unsubscribing");
    expect(await alertsAbout(email, "After unsubscribing")).toHaveLength(0);
  });

  it("deletes unconfirmed subscriptions once their link has lapsed", async () => {
    const email = address("lapsed");
    await (await reader()).alerts.subscribe({ ...everything, email });
    await purgeUnconfirmed(h.db, new Date(Date.now() + 2 * 86_400_000));
    expect(await h.db.alertSubscription.count({ where: { email } })).toBe(1);
    await purgeUnconfirmed(h.db, new Date(Date.now() + 4 * 86_400_000));
    expect(await h.db.alertSubscription.count({ where: { email } })).toBe(0);
  });

  it("shows administrators counts per list, and lets them remove an address, audited; nobody else", async () => {
    await subscribed(address("count-a"), { everything: false, kinds: ["NEWS"], priorities: [priority.slug] });
    await (await reader()).alerts.subscribe({
      ...everything,
      everything: false,
      kinds: ["NEWS"],
      email: address("count-b"),
    });
    const admin = await h.as("ADMIN");
    const counts = await admin.alerts.counts();
    const expected = async (where: object) => ({
      immediate: await h.db.alertSubscription.count({
        where: { ...where, confirmedAt: { not: null }, frequency: "IMMEDIATE" },
      }),
      weekly: await h.db.alertSubscription.count({
        where: { ...where, confirmedAt: { not: null }, frequency: "WEEKLY" },
      }),
      pending: await h.db.alertSubscription.count({ where: { ...where, confirmedAt: null } }),
    });
    expect(counts.NEWS).toEqual(await expected({ kinds: { has: "NEWS" } }));
    expect(counts.all).toEqual(await expected({}));
    expect(counts[`priority:${priority.slug}`]).toEqual(
      await expected({ priorities: { some: { workstreamId: priority.id } } }),
    );
    expect(counts.NEWS?.pending).toBeGreaterThanOrEqual(1);

    const email = address("removed");
    await subscribed(email);
    expect((await refusal(editor.alerts.remove({ email }))).code).toBe("FORBIDDEN");
    expect((await refusal(editor.alerts.counts())).code).toBe("FORBIDDEN");
    expect(await admin.alerts.find({ email: email.toUpperCase() })).toMatchObject({ email, everything: true });
    expect(await admin.alerts.remove({ email })).toEqual({ removed: true });
    expect(await h.db.alertSubscription.count({ where: { email } })).toBe(0);
    expect(await h.db.auditEvent.count({ where: { action: "alerts.subscriptionRemoved" } })).toBe(1);
    expect(await admin.alerts.remove({ email })).toEqual({ removed: false });
  });

  it("is covered by the export and the erasure of everything held under an address", async () => {
    const email = address("erase");
    await subscribed(email, { everything: false, priorities: [priority.slug], frequency: "WEEKLY" });
    const admin = await h.signedIn("ADMIN");
    const ctx = { db: h.db, request: { ipHash: null } as never, user: admin.user };
    const exported = await exportCommentsByEmail(ctx, { email });
    expect(exported.alertSubscription).toMatchObject({ email, frequency: "WEEKLY", priorities: ["Mental health"] });
    const erased = await admin.api.moderation.eraseByEmail({ email, mode: "delete" });
    expect(erased.alertSubscriptionDeleted).toBe(true);
    expect(await h.db.alertSubscription.count({ where: { email } })).toBe(0);
    expect(await h.db.emailMessage.count({ where: { to: email } })).toBe(0);
  });
});
