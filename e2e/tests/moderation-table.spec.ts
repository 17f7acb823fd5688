import { createComment } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { createArticleToCommentOn, withDb } from "./database";
import { signInAs } from "./staff-helpers";

// The queue as a table, cleared with the keyboard, and the trash: a comment moved there is restored,
// and the trash is emptied after a confirmation. The journeys use an article of their own, and the
// editor's choice of view is put back afterwards for the other journeys.

const run = Date.now().toString(36);
const slug = `e2e-moderation-table-${run}`;
let itemId = "";

test.beforeAll(async () => {
  itemId = await createArticleToCommentOn(slug, "Moderation table journey");
});

test.afterAll(async () => {
  await withDb(async (db) => {
    await db.user.update({
      where: { email: "editor@observatory.test" },
      data: { commentQueueView: "CARDS", commentQueuePageSize: 25 },
    });
    // The comments go with the item.
    await db.contentItem.deleteMany({ where: { id: itemId } });
  });
});

async function addComments(prefix: string, count: number, status: "PENDING" | "APPROVED") {
  await withDb(async (db) => {
    for (let n = 1; n <= count; n += 1)
      await createComment(db, {
        id: `${prefix}_${run}_${n}`,
        itemId,
        name: `Reader ${n}`,
        email: `${prefix}-${run}-${n}@example.org`,
        body: `${prefix} comment ${n} ${run}`,
        status,
        ...(status === "APPROVED" ? { approvedAt: new Date() } : {}),
        ipHash: null,
      });
  });
}

const statusOf = (id: string) =>
  withDb(async (db) => (await db.comment.findUnique({ where: { id }, select: { status: true } }))?.status ?? null);

// Each journey checks two or three pages with axe, which takes seconds on a busy machine.
test.describe.configure({ timeout: 60_000 });

test("an editor switches to the table view and clears the queue with the keyboard", async ({ page }) => {
  await addComments("table", 3, "PENDING");
  await signInAs(page, "editor");
  await expect(page.getByRole("link", { name: /^Comments, [\d,]+ pending$/ })).toBeVisible();
  await page.goto(`${urls.admin}/comments?itemId=${itemId}`);

  // The choice is saved on the account.
  await page.locator("summary", { hasText: "Showing cards, 25 a page" }).press("Enter");
  await page.getByLabel("A table").check();
  await page.getByLabel("Comments a page").selectOption("10");
  await page.getByRole("button", { name: "Save view" }).press("Enter");
  await expect(page.locator("#queue-status")).toHaveText("Your choice of view is saved.");
  const table = page.getByRole("table", { name: "Pending comments" });
  await expect(table).toBeVisible();
  await page.reload();
  await expect(page.getByText("Showing a table, 10 a page")).toBeVisible();
  const rows = table.locator("[data-queue-row]");
  await expect(rows).toHaveCount(3);
  await expectAccessible(page);

  // A row's actions show while something in the row has focus, and are reachable with Tab.
  const first = rows.first();
  const actions = first.locator(".admin-row-actions");
  await expect(actions).toHaveCSS("opacity", "0");
  await first.getByRole("checkbox").focus();
  await expect(actions).toHaveCSS("opacity", "1");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(first.getByRole("button", { name: /^Approve the comment by/ })).toBeFocused();

  await first.getByRole("checkbox").focus();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(first).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.locator("#queue-status")).toHaveText("Comment approved: it is now on the public page.");
  await expect(rows).toHaveCount(2);
  // Focus goes to the row that takes its place, so the next key acts on it.
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press("r");
  await expect(page.locator("#queue-status")).toHaveText("Comment rejected.");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press("s");
  await expect(page.locator("#queue-status")).toHaveText("Comment marked as spam.");
  await expect(page.getByText("There are no pending comments matching these filters.")).toBeVisible();
  expect(await Promise.all([1, 2, 3].map((n) => statusOf(`table_${run}_${n}`)))).toEqual(
    expect.arrayContaining(["APPROVED", "REJECTED", "SPAM"]),
  );
});

test("an editor moves a comment to the trash, restores it, and empties the trash after confirming", async ({
  page,
}) => {
  await addComments("trash", 2, "APPROVED");
  await signInAs(page, "editor");
  await page.goto(`${urls.admin}/comments?status=APPROVED&itemId=${itemId}`);
  // The status says the same after each, so each is waited for by its row leaving the list.
  const listed = page.locator("[data-queue-row]");
  const before = await listed.count();
  await page.getByRole("button", { name: "Trash the comment by Reader 1" }).click();
  await expect(page.locator("#queue-status")).toContainText("Comment moved to the trash.");
  await expect(listed).toHaveCount(before - 1);
  await page.getByRole("button", { name: "Trash the comment by Reader 2" }).click();
  await expect(listed).toHaveCount(before - 2);
  await expect(page.locator("#queue-status")).toContainText("Comment moved to the trash.");

  await page.goto(`${urls.admin}/comments?status=TRASH&itemId=${itemId}`);
  await expect(page.locator("[data-queue-row]")).toHaveCount(2);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Restore the comment by Reader 1" }).click();
  await expect(page.locator("#queue-status")).toHaveText("Comment restored from the trash.");
  expect(await statusOf(`trash_${run}_1`)).toBe("APPROVED");

  await page.getByRole("link", { name: "Empty trash" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Empty trash");
  await expect(page.getByText(/comments? in the trash \(as of .*\) will be deleted permanently/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Delete \d+ comments? permanently$/ }).click();
  await expect(page.locator("#queue-status")).toHaveText(
    "The trash has been emptied: those comments are deleted permanently.",
  );
  expect(await statusOf(`trash_${run}_2`)).toBeNull();
  await page.goto(`/news/${slug}`);
  await expect(page.getByText(`trash comment 1 ${run}`)).toBeVisible();
});
