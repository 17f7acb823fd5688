import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { withDb } from "./database";
import { type DemoRole, removeItems, signInAs, typeBody } from "./staff-helpers";

// The editorial journey across both apps: an author drafts and submits, an editor asks for changes,
// the author revises, the editor approves and schedules it for the next minute, and the public site
// shows it on time; an edit of the live item stays off the public site until it is approved.

const run = Date.now().toString(36);
const title = `Journey ${run}: waiting times`;
const slug = `journey-${run}-waiting-times`;

// The items these journeys create are removed afterwards, so the public journeys keep their seeded counts.
test.afterAll(() => removeItems([`journey-${run}-%`, `no-script-${run}%`]));

/** A staff member in a browser context of their own. */
async function signIn(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  await context.route(/assets\.nhs\.uk/, (route) => route.abort());
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

/** London date and time fields for the first whole minute at least 15 seconds from now. */
function nextMinute(): { at: Date; date: string; time: string } {
  const at = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  // As date and time inputs take them (2027-03-28, 14:30).
  return { at, date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function openItem(page: Page) {
  await page.goto(`${urls.admin}/content?q=${encodeURIComponent(run)}`);
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await hydrated(page);
}

/** Waits until the page's scripts have loaded, so React does not reset what the test types. */
async function hydrated(page: Page) {
  await page.waitForLoadState("networkidle");
}

test("an item goes from draft through review and a schedule onto the public site on time", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const author = await signIn(browser, "author");

  await author.goto(`${urls.admin}/content`);
  await expectAccessible(author);
  await author.getByRole("button", { name: "New content" }).click();
  await hydrated(author);
  await expectAccessible(author);
  await author.getByRole("button", { name: "Save draft" }).click();
  await expect(author.getByRole("alert")).toContainText("Enter a title");
  await author.getByLabel("Title", { exact: true }).fill(title);
  await author.getByLabel("Kind of content").selectOption("NEWS");
  await author.getByLabel("Summary", { exact: true }).fill("What the waiting-time figures show.");
  await typeBody(author, "## Findings\nWaiting times differ by ethnicity.");
  await author.getByRole("button", { name: "Save draft" }).click();
  await expect(author.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(author.locator(".observatory-body h2")).toHaveText("Findings");
  await expectAccessible(author);
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByText("Submitted for review.")).toBeVisible();

  const editor = await signIn(browser, "editor");
  await expect(
    editor.getByRole("list", { name: "Awaiting my decision" }).getByRole("link", { name: title }),
  ).toBeVisible();
  await expectAccessible(editor);
  await openItem(editor);
  await editor.getByRole("link", { name: "Review this revision" }).click();
  await hydrated(editor);
  await expectAccessible(editor);
  await editor.getByLabel("Request changes").check();
  await editor.getByRole("button", { name: "Send decision" }).click();
  await expect(editor.getByRole("alert")).toContainText("Say what needs to change");
  await editor.getByLabel("Your comments").fill("Add the 2023 figures.");
  await editor.getByLabel("Request changes").check();
  await editor.getByRole("button", { name: "Send decision" }).click();
  await expect(editor.getByText("Changes requested.")).toBeVisible();

  await openItem(author);
  await expect(author.getByText("Add the 2023 figures.").first()).toBeVisible();
  await typeBody(author, "## Findings\nWaiting times differ by ethnicity (2023 figures).");
  await author.getByRole("button", { name: "Save changes" }).click();
  await expect(author.getByText("Your changes have been saved")).toBeVisible();
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByText("Submitted for review.")).toBeVisible();

  await openItem(editor);
  await editor.getByRole("link", { name: "Review this revision" }).click();
  await hydrated(editor);
  await editor.getByLabel("Approve").check();
  await editor.getByRole("button", { name: "Send decision" }).click();
  await expect(editor.getByText("Approved.")).toBeVisible();
  await editor.getByRole("link", { name: "Publish or schedule" }).click();
  await hydrated(editor);
  await expectAccessible(editor);
  const when = nextMinute();
  await editor.getByLabel("Date", { exact: true }).first().fill(when.date);
  await editor.getByLabel("Time", { exact: true }).first().fill(when.time);
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(editor.getByText("Scheduled.")).toBeVisible();

  const publicPath = `${urls.web}/news/${slug}`;
  expect((await page.goto(publicPath))?.status()).toBe(404);
  // The form takes whole minutes: rather than wait for the one chosen, bring the schedule forward to
  // a few seconds from now in the database, as any SQL session may (the public site follows it).
  const publishAt = new Date(Date.now() + 4_000);
  const moved = await withDb((db) =>
    db.contentItem.updateMany({ where: { slug, publishAt: when.at }, data: { publishAt } }),
  );
  expect(moved.count).toBe(1);
  expect((await page.goto(publicPath))?.status()).toBe(404);
  await page.waitForTimeout(Math.max(0, publishAt.getTime() - Date.now()));
  await expect
    .poll(async () => (await page.goto(publicPath))?.status(), { timeout: 15_000, intervals: [1000] })
    .toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("2023 figures")).toBeVisible();

  // An edit of the live item stays off the public site until it is approved and published.
  await openItem(author);
  await author.getByLabel("Title", { exact: true }).fill(`${title} (revised)`);
  await author.getByRole("button", { name: "Save changes" }).click();
  await expect(author.getByText("Your changes have been saved")).toBeVisible();
  await page.goto(publicPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await author.getByRole("link", { name: "Revisions and comparisons" }).click();
  await expectAccessible(author);
  await author.getByRole("button", { name: "Compare" }).click();
  await expect(author.getByRole("heading", { level: 1 })).toContainText("compared with");
  await expectAccessible(author);
  await author.goBack();
  await author
    .getByRole("link", { name: /^Preview revision/ })
    .first()
    .click();
  await expect(author.getByRole("heading", { level: 1 })).toHaveText(`${title} (revised)`);
  await expectAccessible(author);

  // Two people editing at once: the later save is refused, says who changed what, and keeps the text.
  await openItem(editor);
  await openItem(author);
  await author.getByLabel("Summary", { exact: true }).fill("What the figures show, by region.");
  await author.getByRole("button", { name: "Save changes" }).click();
  await expect(author.getByText("Your changes have been saved")).toBeVisible();
  await editor.getByLabel("Summary", { exact: true }).fill("The editor's summary.");
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByRole("alert")).toContainText("saved a newer version");
  await expect(editor.getByLabel("Summary", { exact: true })).toHaveValue("The editor's summary.");
  await expect(editor.getByRole("link", { name: "See what changed since you opened the editor" })).toBeVisible();
  await expect(editor.getByRole("region", { name: /The latest version: revision \d+, saved by/ })).toContainText(
    "What the figures show, by region.",
  );
  await expectAccessible(editor);

  await author.context().close();
  await editor.context().close();
});

test("the editor works without JavaScript: a draft is created, refused when invalid, and saved", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route(/assets\.nhs\.uk/, (route) => route.abort());
  const page = await context.newPage();
  await signInAs(page, "author");
  await page.goto(`${urls.admin}/content/new`);
  await page.getByLabel("Title", { exact: true }).fill(`No script ${run}`);
  await page.getByLabel("Body", { exact: true }).fill("Typed without JavaScript.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert")).toContainText("Select a kind of content");
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Typed without JavaScript.");
  await page.getByLabel("Kind of content").selectOption("BLOG");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`No script ${run}`);
  await page.getByLabel("Summary", { exact: true }).fill("Saved again without JavaScript.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes have been saved")).toBeVisible();
  // (axe needs JavaScript in the page: these pages are checked in the journey above.)
  await context.close();
});

test("when the body's preview cannot be updated, the editor says so", async ({ browser }) => {
  const page = await signIn(browser, "author");
  await page.goto(`${urls.admin}/content/new`);
  await page.waitForLoadState("networkidle");
  await page.route(/\/api\/trpc\/editorial\.renderPreview/, (route) =>
    route.fulfill({ status: 503, contentType: "text/plain", body: "Service unavailable" }),
  );
  await typeBody(page, "A **bold** start.");
  await expect(page.getByRole("status").filter({ hasText: "The preview shows an earlier version" })).toBeVisible();
  await page.context().close();
});
