import { createItem } from "@observatory/db/testing";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { removeItems, signInAs } from "./staff-helpers";

// Review due (decision 014): an editor opens the list of content whose review is due, marks an
// overdue page as reviewed with the keyboard alone, and it leaves the list; the public page, which
// showed no past date while it was overdue, shows the renewed next review date at once.

const run = Date.now().toString(36);
const slug = `e2e-review-due-${run}`;
const title = `Overdue page ${run}`;

test.beforeAll(async () => {
  await withDb(async (db) => {
    const editorId = await userIdOf(db, "editor@observatory.test");
    const item = await createItem(db, { authorId: editorId, kind: "PAGE", slug, live: { title } });
    // Overdue for longer than any demo item, so it is first in the list.
    const due = new Date(Date.now() - 400 * 86_400_000);
    await db.contentItem.update({
      where: { id: item.id },
      data: { ownerId: editorId, nextReviewDue: due, lastReviewedAt: new Date(due.getTime() - 365 * 86_400_000) },
    });
  });
});

test.afterAll(async () => {
  await removeItems([slug]);
});

async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("an editor marks an overdue page as reviewed from the review-due list, with the keyboard", async ({
  page,
  browser,
}) => {
  // Readers of the overdue page see when it was last reviewed, never a due date in the past.
  const reader = await browser.newPage();
  await reader.goto(`${urls.web}/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByText(/Page last reviewed:/)).toBeVisible();
  await expect(reader.getByText(/Next review due/)).toHaveCount(0);

  await signInAs(page, "editor");
  // The dashboard lists what the editor owns that is due.
  const panel = page.locator("section", { has: page.getByRole("heading", { name: "Review due or overdue" }) });
  await expect(panel.getByRole("link", { name: title })).toBeVisible();

  await page.goto(`${urls.admin}/content/review-due`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review due");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Overdue");
  await expect(page.getByRole("table", { name: "Overdue and due soon, by owner and kind" })).toBeVisible();
  await expectAccessible(page);

  // The button names its item for screen readers ("Mark as reviewed: <title>", hidden text).
  const mark = row.getByRole("button", { name: /^Mark as reviewed\s*:/ });
  await expect(mark).toHaveAccessibleName(new RegExp(`${title}$`));
  await page.locator("body").focus();
  await tabTo(page, mark);
  await page.keyboard.press("Enter");

  const banner = page.locator(".nhsuk-notification-banner--success");
  await expect(banner).toContainText(`“${title}” is marked as reviewed`);
  await expect(banner).toBeFocused();
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  await expectAccessible(page);

  const stored = await withDb((db) =>
    db.contentItem.findUniqueOrThrow({ where: { slug }, select: { nextReviewDue: true, lastReviewedAt: true } }),
  );
  expect(stored.nextReviewDue?.getTime()).toBeGreaterThan(Date.now());
  const audited = await withDb((db) =>
    db.auditEvent.count({ where: { action: "content.markReviewed", summary: { contains: title } } }),
  );
  expect(audited).toBe(1);

  // The cached public page is not kept: readers see the renewed date now.
  await reader.reload();
  await expect(reader.getByText(/Next review due: \d{1,2} \w+ \d{4}/)).toBeVisible();
  await reader.close();
});

test("the item's review page and the review intervals have no accessibility violations", async ({ page }) => {
  await signInAs(page, "admin");
  const itemId = await withDb(
    async (db) => (await db.contentItem.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id,
  );
  await page.goto(`${urls.admin}/content/${itemId}/review-due`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByRole("button", { name: "Save owner and interval" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${urls.admin}/content/review-settings`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review intervals");
  await expectAccessible(page);
  // The editor page flags its review and links to it.
  await page.goto(`${urls.admin}/content/${itemId}`);
  await expect(page.getByRole("heading", { name: "Review", exact: true })).toBeVisible();
});
