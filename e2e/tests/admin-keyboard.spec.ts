import { createComment, createItem } from "@observatory/db/testing";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { waitForMinimumFormTime } from "./public-helpers";
import { removeItems, signInAs } from "./staff-helpers";

// The admin (and the public comment form) driven with the keyboard alone, as the accessibility
// review of issue 15 did: an error summary's links keep the errors and land on the field, a save
// or a decision puts focus on its success banner, the moderation queue's single-key shortcuts act
// only inside the queue and not at all once turned off, and a publication is scheduled with the
// date and time inputs, told whether the date is BST or GMT.

const run = Date.now().toString(36);
const slugPrefix = `e2e-keyboard-${run}`;

test.afterAll(async () => {
  await removeItems([`${slugPrefix}%`, `keyboard-draft-${run}%`]);
  // The moderator is a shared demo account: leave its shortcuts as every other journey expects them.
  await withDb((db) =>
    db.user.update({ where: { email: "moderator@observatory.test" }, data: { keyboardShortcuts: true } }),
  );
});

/** Presses Tab (or Shift+Tab) until `target` has focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 60, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** Follows the error summary's link to `field`: Tab from the focused summary to the link, then Enter. */
async function followSummaryLink(page: Page, message: string | RegExp): Promise<void> {
  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toBeFocused();
  const link = summary.getByRole("link", { name: message });
  await tabTo(page, link, 10);
  await page.keyboard.press("Enter");
}

/**
 * Types a date into the focused date input, segment by segment in the order the browser shows them
 * (its own language's: month first in en-US, day first in en-GB).
 */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [year = "", month = "", day = ""] = iso.split("-");
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(2000, 10, 22))
      .map((part) => part.type)
      .filter((type) => type !== "literal"),
  );
  for (const part of order) await page.keyboard.type(part === "year" ? year : part === "month" ? month : day);
}

/** Types a time ("09:30") into the focused time input, with AM or PM where the browser's clock has them. */
async function typeTime(page: Page, time: string): Promise<void> {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const isTwelveHour = await page.evaluate(() =>
    ["h11", "h12"].includes(new Intl.DateTimeFormat(undefined, { hour: "numeric" }).resolvedOptions().hourCycle ?? ""),
  );
  const mm = String(minute).padStart(2, "0");
  await page.keyboard.type(
    isTwelveHour
      ? `${String(hour % 12 || 12).padStart(2, "0")}${mm}${hour < 12 ? "A" : "P"}`
      : `${String(hour).padStart(2, "0")}${mm}`,
  );
}

async function expectErrorsKept(page: Page, inlineError: string | RegExp) {
  await expect(page.locator(".nhsuk-error-summary")).toBeVisible();
  await expect(page.locator(".nhsuk-error-message").filter({ hasText: inlineError })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  expect(new URL(page.url()).hash).toBe("");
}

test("on a new item, following an error summary link focuses the field and keeps every error", async ({ page }) => {
  await signInAs(page, "author");
  await page.goto(`${urls.admin}/content/new`);
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveTitle("New content - Observatory admin");
  const save = page.getByRole("button", { name: "Save draft" });
  await tabTo(page, save, 80);
  await page.keyboard.press("Enter");

  await followSummaryLink(page, "Select a kind of content");
  await expect(page.getByLabel("Kind of content")).toBeFocused();
  await expectErrorsKept(page, "Select a kind of content");
  // Back up to the summary: its other link still there, still landing on its field.
  await tabTo(page, page.locator(".nhsuk-error-summary").getByRole("link", { name: "Enter a title" }), 20, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("#title")).toBeFocused();
  await expectErrorsKept(page, "Enter a title");
  await expectAccessible(page);

  // Fixed and saved: focus goes to the success banner, not the Save button far down the page.
  await page.keyboard.type(`Keyboard draft ${run}`);
  await tabTo(page, page.getByLabel("Kind of content"), 5);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Kind of content")).not.toHaveValue("");
  await tabTo(page, save, 80);
  await page.keyboard.press("Enter");
  const banner = page.locator(".nhsuk-notification-banner--success");
  await expect(banner).toContainText("saved");
  await expect(banner).toBeFocused();
  await expect(page).not.toHaveTitle(/^Error: /);
  expect(await withDb((db) => db.revision.count({ where: { title: `Keyboard draft ${run}` } }))).toBe(1);
});

test("a publication is scheduled with the date and time inputs, told BST or GMT, and refused times are explained", async ({
  page,
}) => {
  const item = await withDb(async (db) => {
    const editorId = await userIdOf(db, "editor@observatory.test");
    const created = await createItem(db, {
      slug: `${slugPrefix}-schedule`,
      authorId: editorId,
      status: "APPROVED",
      pending: { title: `Keyboard schedule ${run}` },
    });
    await db.revision.update({
      where: { id: created.pendingId ?? "" },
      data: { approvedAt: new Date(), approvedById: editorId },
    });
    return created;
  });
  await signInAs(page, "editor");
  await page.goto(`${urls.admin}/content/${item.id}/publish`);
  await page.waitForLoadState("networkidle");
  const zone = page.locator("#publishAt-zone");
  const schedule = page.getByRole("button", { name: "Schedule", exact: true });

  // Nothing entered: the summary links to the date input itself, which takes focus.
  await tabTo(page, schedule);
  await page.keyboard.press("Enter");
  await expect(page.locator(".nhsuk-error-summary").getByRole("link", { name: "Enter a date" })).toHaveAttribute(
    "href",
    "#date",
  );
  await followSummaryLink(page, "Enter a date");
  const date = page.getByLabel("Date", { exact: true }).first();
  await expect(date).toBeFocused();
  await expectErrorsKept(page, "Enter a date");
  await expectAccessible(page);

  // The day the clocks go forward: said as soon as the date is typed, then the missing hour refused.
  await typeDate(page, "2027-03-28");
  await expect(date).toHaveValue("2027-03-28");
  await expect(zone).toContainText("The clocks go forward on 28 March 2027");
  // Past the date's own calendar button, which Chromium puts in the tab order.
  await tabTo(page, page.locator("#time"), 3);
  await typeTime(page, "01:30");
  await expect(page.locator("#time")).toBeFocused();
  await expect(page.locator("#time")).toHaveValue("01:30");
  await expect(zone).toContainText("1:30am on 28 March 2027 does not exist");
  await tabTo(page, schedule);
  await page.keyboard.press("Enter");
  await expect(page.locator(".nhsuk-error-summary")).toContainText("does not exist in the UK");
  await followSummaryLink(page, /does not exist/);
  await expect(page.locator("#time")).toBeFocused();

  // A summer morning: British Summer Time, and stored as 08:30 UTC.
  await page.locator("#date").focus();
  await typeDate(page, "2099-07-01");
  // Past the date's own calendar button, which Chromium puts in the tab order.
  await tabTo(page, page.locator("#time"), 3);
  await typeTime(page, "09:30");
  await expect(zone).toHaveText("9:30am on 1 July 2099 is British Summer Time, UTC+1.");
  await tabTo(page, schedule);
  await page.keyboard.press("Enter");
  const banner = page.locator(".nhsuk-notification-banner--success");
  await expect(banner).toContainText("Scheduled.");
  await expect(banner).toBeFocused();
  const stored = await withDb((db) => db.contentItem.findUniqueOrThrow({ where: { id: item.id } }));
  expect(stored.publishAt).toEqual(new Date("2099-07-01T08:30:00Z"));

  // Without JavaScript the server writes the line for what was entered, beside the refusal.
  const refused = await page.request.post(`${urls.admin}/content/${item.id}/publish`, {
    headers: { Origin: urls.admin },
    form: { intent: "scheduleUnpublish", unpublishDate: "2099-10-25", unpublishTime: "01:30" },
  });
  const html = await refused.text();
  expect(html).toContain("<title>Error: Publish or schedule - Observatory admin</title>");
  expect(html).toMatch(/id="unpublishAt-zone"[^>]*>1:30am on 25 October 2099 happens twice in the UK/);
  expect(html).toContain('href="#unpublishClock"');
});

test("the queue's single-key shortcuts act only inside the queue, and not at all once turned off", async ({ page }) => {
  const text = `Shortcut journey ${run}`;
  const { commentId, itemId } = await withDb(async (db) => {
    const authorId = await userIdOf(db, "editor@observatory.test");
    const created = await createItem(db, {
      slug: `${slugPrefix}-queue`,
      authorId,
      live: { title: `Keyboard queue ${run}`, summary: "An article to comment on.", body: "Body." },
    });
    const comment = await createComment(db, {
      itemId: created.id,
      name: "Kay Board",
      email: `kay-${run}@example.org`,
      body: text,
      status: "PENDING",
      ipHash: null,
    });
    return { commentId: comment.id, itemId: created.id };
  });
  const status = () => withDb((db) => db.comment.findUniqueOrThrow({ where: { id: commentId } }).then((c) => c.status));

  await signInAs(page, "moderator");
  const queueUrl = `${urls.admin}/comments?itemId=${itemId}`;
  await page.goto(queueUrl);
  await page.waitForLoadState("networkidle");
  const row = page.locator("[data-queue-row]").filter({ hasText: text });
  await expect(row).toBeVisible();

  // Outside the queue (the search box's details, the page itself): J and A do nothing.
  await page.locator("body").press("j");
  await page.keyboard.press("a");
  await expect(row).not.toBeFocused();
  await page.getByRole("button", { name: "Select or unselect all on this page" }).focus();
  await page.keyboard.press("a");
  await page.waitForLoadState("networkidle");
  expect(await status()).toBe("PENDING");

  // Inside the queue they work.
  await tabTo(page, row.getByRole("checkbox"));
  await page.keyboard.press("j");
  await expect(row).toBeFocused();
  await expect(page.getByText("Comment 1 of 1, by Kay Board")).toBeAttached();

  // Turned off on the account page, with the keyboard.
  await page.goto(`${urls.admin}/account`);
  await page.waitForLoadState("networkidle");
  const on = page.getByRole("radio", { name: "On" });
  await tabTo(page, on);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Off" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save keyboard shortcuts setting" })).toBeFocused();
  await page.keyboard.press("Enter");
  const banner = page.locator(".nhsuk-notification-banner--success");
  await expect(banner).toHaveText(/Keyboard shortcuts are off/);
  await expect(banner).toBeFocused();
  await expectAccessible(page);

  await page.goto(queueUrl);
  await page.waitForLoadState("networkidle");
  await expect(page.getByText("Keyboard shortcuts", { exact: true })).toHaveCount(0);
  await tabTo(page, row.getByRole("checkbox"));
  await page.keyboard.press("j");
  await page.keyboard.press("a");
  await expect(row.getByRole("checkbox")).toBeFocused();
  await page.waitForLoadState("networkidle");
  expect(await status()).toBe("PENDING");
  await expect(row).toBeVisible();
});

test("on the public comment form, following an error summary link keeps the errors", async ({ page }) => {
  const slug = `${slugPrefix}-comments`;
  await withDb(async (db) => {
    const authorId = await userIdOf(db, "editor@observatory.test");
    await createItem(db, { slug, authorId, live: { title: `Keyboard comments ${run}` } });
  });
  await page.goto(`${urls.web}/news/${slug}`);
  const renderedAt = Date.now();
  await page.waitForLoadState("networkidle");
  await waitForMinimumFormTime(page, renderedAt);
  const send = page.getByRole("button", { name: "Send comment" });
  await tabTo(page, send, 80);
  await page.keyboard.press("Enter");

  await followSummaryLink(page, "Enter your name");
  await expect(page.getByLabel("Your name")).toBeFocused();
  await expectErrorsKept(page, "Enter your name");
  await expect(page.locator(".nhsuk-error-message")).toHaveCount(3);
  await expectAccessible(page);
});
