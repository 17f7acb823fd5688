import { createItem } from "@observatory/db/testing";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../fixtures";
import { linkIn, waitForMail } from "../mail";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { describeNuErrors, nuErrors } from "./nu-check";
import { expectAccessibleAsServed } from "./public-helpers";
import { removeItems, signInAs } from "./staff-helpers";

// A reader's email alerts from end to end: subscribing (with and without JavaScript), the
// confirmation mail, the alert an editor's publication sends with its one-click unsubscribe
// headers (RFC 8058), managing and unsubscribing; and the administrators' page of counts.

// Whole journeys across both apps and the mail server: longer than a page's default allowance.
test.describe.configure({ timeout: 120_000 });

const run = Date.now().toString(36);
const slugPrefix = `e2e-alerts-${run}`;
const reader = (name: string) => `alerts-${name}-${run}@example.org`;

test.beforeAll(async () => {
  // Every journey comes from 127.0.0.1: earlier runs' subscriptions must not use up its limit.
  await withDb((db) => db.rateLimitBucket.deleteMany({ where: { key: { startsWith: "alerts:" } } }));
});

test.afterAll(async () => {
  await removeItems([`${slugPrefix}%`]);
  await withDb((db) => db.alertSubscription.deleteMany({ where: { email: { endsWith: `-${run}@example.org` } } }));
});

/** An approved news item waiting to be published, as a review leaves it. */
async function approvedItem(slug: string, title: string): Promise<string> {
  return withDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    const item = await createItem(db, {
      kind: "NEWS",
      slug,
      authorId,
      pending: { title, summary: `Why ${title.toLowerCase()} matters.` },
      status: "APPROVED",
    });
    await db.revision.update({
      where: { id: item.pendingId ?? "" },
      data: {
        submittedAt: new Date(),
        approvedAt: new Date(),
        approvedById: await userIdOf(db, "editor@observatory.test"),
      },
    });
    return item.id;
  });
}

/** Fills in the subscribe form the page shows and sends it; returns the link of the confirmation mail. */
async function subscribe(
  page: Page,
  email: string,
  choose: (page: Page) => Promise<void>,
  checkAccessible: (page: Page) => Promise<void>,
) {
  await page.getByLabel("Your email address").fill(email);
  await choose(page);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email", { timeout: 15_000 });
  await checkAccessible(page);
  const mail = await waitForMail((m) => m.to.includes(email) && m.subject.startsWith("Confirm your email alerts"));
  return linkIn(mail, `${urls.web}/alerts/confirm/`);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader subscribes to news, confirms, gets the alert of a publication, and unsubscribes from it", async ({
    page,
    browser,
  }) => {
    const email = reader("news");
    await page.goto(`${urls.web}/news`);
    await page.getByRole("link", { name: "Get an email when we publish news" }).click();
    await expect(page.getByLabel("News", { exact: true })).toBeChecked();
    await expectAccessibleAsServed(page);

    // Nothing chosen, no address: each error beside its field, and nothing is stored.
    await page.getByLabel("News", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page).toHaveTitle(/^Error: Get email alerts/);
    const summary = page.getByRole("alert");
    await expect(page.locator("#error-summary")).toBeFocused();
    await expect(summary).toContainText("Enter your email address");
    await expect(summary).toContainText("Choose everything, or at least one type of content or priority");
    await expect(summary).toContainText("Choose how often you want emails");
    await expectAccessibleAsServed(page);

    const confirmLink = await subscribe(
      page,
      email,
      async (p) => {
        await p.getByLabel("News", { exact: true }).check();
        await p.getByLabel("As soon as each item is published").check();
      },
      expectAccessibleAsServed,
    );
    // Opening the link (as a mail scanner would) confirms nothing: the button does.
    await page.goto(confirmLink);
    await expectAccessibleAsServed(page);
    expect(await withDb((db) => db.alertSubscription.findUniqueOrThrow({ where: { email } }))).toMatchObject({
      confirmedAt: null,
    });
    await page.getByRole("button", { name: "Confirm email alerts" }).click();
    await expect(page.getByText("Your email alerts are on")).toBeVisible();
    await expect(page.getByLabel("News", { exact: true })).toBeChecked();
    await expectAccessibleAsServed(page);

    // An editor publishes a news item: the alert goes out, with the one-click unsubscribe headers.
    const title = `Alerted news ${run}`;
    const itemId = await approvedItem(`${slugPrefix}-news`, title);
    const editorContext = await browser.newContext({ javaScriptEnabled: false });
    const editor = await editorContext.newPage();
    await signInAs(editor, "editor");
    await editor.goto(`${urls.admin}/content/${itemId}/publish`);
    await editor.getByRole("button", { name: /^Publish revision 1 now/ }).click();
    await expect(editor.getByText(/Published/).first()).toBeVisible();
    await editorContext.close();

    const alert = await waitForMail((m) => m.to.includes(email) && m.subject === `New news: ${title}`);
    expect(alert.text).toContain(`Why alerted news ${run} matters.`);
    expect(alert.text).toContain(`${urls.web}/news/${slugPrefix}-news`);
    const unsubscribe = linkIn(alert, `${urls.web}/alerts/unsubscribe/`);
    expect(alert.headers["list-unsubscribe"]).toBe(`<${unsubscribe.replace("/unsubscribe/", "/one-click/")}>`);
    expect(alert.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // The link in the mail shows one button; following it unsubscribes.
    await page.goto(unsubscribe);
    await expectAccessibleAsServed(page);
    expect(await withDb((db) => db.alertSubscription.count({ where: { email } }))).toBe(1);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have unsubscribed");
    await expectAccessibleAsServed(page);
    expect(await withDb((db) => db.alertSubscription.count({ where: { email } }))).toBe(0);
  });
});

test.describe("with JavaScript", () => {
  test("a reader subscribes to a priority, changes their choices, and a mail provider unsubscribes them in one click", async ({
    page,
    playwright,
  }) => {
    const email = reader("priority");
    await page.goto(`${urls.web}/priorities`);
    await page.locator("main a[href^='/priorities/']").first().click();
    await page.getByRole("link", { name: "Get an email when we publish on this priority" }).click();
    const chosen = page.locator("input[name=priority]:checked");
    await expect(chosen).toHaveCount(1);
    const confirmLink = await subscribe(page, email, (p) => p.getByLabel("A weekly digest").check(), expectAccessible);
    await page.goto(confirmLink);
    await page.getByRole("button", { name: "Confirm email alerts" }).click();
    await expect(page.getByText("Your email alerts are on")).toBeVisible();

    // A change that leaves nothing chosen is refused beside the field, then a good one is saved.
    await chosen.uncheck();
    await page.getByRole("button", { name: "Save choices" }).click();
    await expect(page.getByRole("alert")).toContainText("Choose everything, or at least one type of content");
    await expect(page).toHaveTitle(/^Error: /);
    await expectAccessible(page);
    await page.getByLabel("Blogs", { exact: true }).check();
    await page.getByLabel("As soon as each item is published").check();
    await page.getByRole("button", { name: "Save choices" }).click();
    await expect(page.getByText("Your choices have been saved")).toBeVisible();
    // The page runs no script of its own: the banner takes focus as it loads.
    await expect(page.locator(".nhsuk-notification-banner--success")).toBeFocused();
    expect(await withDb((db) => db.alertSubscription.findUniqueOrThrow({ where: { email } }))).toMatchObject({
      kinds: ["BLOG"],
      frequency: "IMMEDIATE",
    });

    // RFC 8058: the mail provider POSTs "List-Unsubscribe=One-Click" from its own servers.
    const manageToken = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const provider = await playwright.request.newContext({ extraHTTPHeaders: { Origin: "https://mail.example" } });
    const response = await provider.post(`${urls.web}/alerts/one-click/${manageToken}`, {
      form: { "List-Unsubscribe": "One-Click" },
    });
    expect(response.status()).toBe(200);
    // Any other page still refuses a write from another site.
    expect((await provider.post(`${urls.web}/alerts`, { form: { email } })).status()).toBe(403);
    await provider.dispose();
    expect(await withDb((db) => db.alertSubscription.count({ where: { email } }))).toBe(0);
  });
});

test("administrators see subscribers per list and remove an address", async ({ page }) => {
  const email = reader("removed");
  await withDb((db) =>
    db.alertSubscription.create({
      data: {
        email,
        everything: true,
        kinds: [],
        frequency: "WEEKLY",
        confirmedAt: new Date(),
        lastDigestAt: new Date(),
      },
    }),
  );
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Email alerts" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Email alert subscribers");
  const weeklyEverything = await withDb((db) =>
    db.alertSubscription.count({ where: { everything: true, frequency: "WEEKLY", confirmedAt: { not: null } } }),
  );
  expect(weeklyEverything).toBeGreaterThan(0);
  const everything = page.getByRole("row", { name: /^Everything/ });
  await expect(everything.getByRole("cell").nth(1)).toHaveText(`Weekly digest ${weeklyEverything}`);
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Find address" }).click();
  await expect(page.locator("dd", { hasText: "Weekly digest" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Remove this address" }).click();
  await expect(page.getByText(`Removed ${email} from the alert subscribers.`)).toBeVisible();
  expect(await withDb((db) => db.alertSubscription.count({ where: { email } }))).toBe(0);

  await page.getByLabel("Email address").fill("not an address");
  await page.getByRole("button", { name: "Find address" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter an email address in the correct format");
});

test("the alert pages pass the Nu HTML Checker", async ({ request }) => {
  const email = reader("markup");
  const confirmToken = "a".repeat(43);
  const subscription = await withDb(async (db) => {
    const { createHash } = await import("node:crypto");
    return db.alertSubscription.create({
      data: {
        email,
        everything: true,
        kinds: [],
        frequency: "IMMEDIATE",
        confirmTokenHash: createHash("sha256").update(confirmToken).digest("hex"),
        confirmExpiresAt: new Date(Date.now() + 3_600_000),
      },
    });
  });
  const pages = [
    { name: "subscribe", path: "/alerts" },
    { name: "check your email", path: "/alerts/check-your-email" },
    { name: "confirm", path: `/alerts/confirm/${confirmToken}` },
    { name: "expired confirmation", path: "/alerts/confirm/expired" },
    { name: "unsubscribe", path: `/alerts/unsubscribe/${subscription.id}.x` },
  ];
  const fetched = [];
  for (const { name, path } of pages) {
    const response = await request.get(`${urls.web}${path}`);
    expect(response.status(), name).toBe(200);
    fetched.push({ name, html: await response.text() });
  }
  // The manage page, reached from the confirmation.
  const confirmed = await request.post(`${urls.web}/alerts/confirm/${confirmToken}`, {
    headers: { Origin: urls.web },
    form: {},
  });
  expect(confirmed.url()).toContain("/alerts/manage/");
  fetched.push({ name: "manage", html: await confirmed.text() });
  expect(describeNuErrors(await nuErrors(fetched)), "Nu HTML Checker errors").toEqual([]);
});
