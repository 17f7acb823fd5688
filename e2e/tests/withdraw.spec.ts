import { createItem } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { removeItems, signInAs } from "./staff-helpers";

// Withdrawing and unpublishing (decision 027), with the keyboard: an editor withdraws a live news
// item with a reason and a link to what replaces it; a reader finds the banner on its page and no
// longer finds it in the news list. The editor then unpublishes another item with no redirect, and
// the reader gets the 410 page saying it was removed. Last, the editor undoes the withdrawal.

const run = Date.now().toString(36);
const slugPrefix = `e2e-withdraw-${run}`;
const titles = {
  replacement: `Screening guidance for 2027 ${run}`,
  withdrawn: `Screening guidance for 2026 ${run}`,
  removed: `Clinic opening times ${run}`,
};
const reason = "This guidance applied until the end of 2026. The new guidance replaces it.";
const ids = { withdrawn: "", removed: "" };

test.beforeAll(async () => {
  await withDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    const item = (key: keyof typeof titles) =>
      createItem(db, { slug: `${slugPrefix}-${key}`, authorId, live: { title: titles[key] } });
    await item("replacement");
    ids.withdrawn = (await item("withdrawn")).id;
    ids.removed = (await item("removed")).id;
  });
});

test.afterAll(() => removeItems([`${slugPrefix}-%`]));

test("an editor withdraws an item and unpublishes another; readers get the banner and the 410 page", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "editor");
  await page.goto(`${urls.admin}/content/${ids.withdrawn}`);
  await page.getByRole("button", { name: "Withdraw" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Withdraw “${titles.withdrawn}”`);
  await expectAccessible(page);

  // No reason: refused beside the field, nothing withdrawn.
  await page.getByRole("button", { name: "Withdraw it" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#reason-error")).toContainText("Enter why it is withdrawn");
  await expectAccessible(page);
  await page.getByLabel("Why is it withdrawn?").focus();
  await page.keyboard.type(reason);
  await page.keyboard.press("Tab");
  await page.keyboard.type(`/news/${slugPrefix}-replacement`);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Withdraw it" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Withdrawn: it stays at its address")).toBeVisible();
  await expect(page.getByRole("heading", { name: /This was withdrawn on \d{1,2} \w+ \d{4}/ })).toBeVisible();
  await expectAccessible(page);

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(`${urls.web}/news/${slugPrefix}-withdrawn`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(titles.withdrawn);
  await expect(reader.getByRole("heading", { name: /This was withdrawn on \d{1,2} \w+ \d{4}/ })).toBeVisible();
  await expect(reader.getByText(reason)).toBeVisible();
  await expect(reader.getByRole("link", { name: titles.replacement })).toHaveAttribute(
    "href",
    `/news/${slugPrefix}-replacement`,
  );
  await expect(reader.getByText("Comments are closed.")).toBeVisible();
  await expectAccessible(reader);
  await reader.goto(`${urls.web}/news`);
  await expect(reader.getByRole("link", { name: titles.replacement })).toBeVisible();
  await expect(reader.getByRole("link", { name: titles.withdrawn })).toHaveCount(0);

  // Unpublishing: archiving an item on the site asks why, and what its address answers.
  await page.goto(`${urls.admin}/content/${ids.removed}`);
  await page.getByRole("button", { name: "Archive" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: /It comes off the public site/ })).toBeVisible();
  await page.getByLabel("Why is it being unpublished?").focus();
  await page.keyboard.type("The clinic has closed.");
  await page.getByRole("button", { name: "Yes, unpublish and archive it" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Archived" })).toBeVisible();
  await expect(page.getByText("Says the page was removed (410 Gone), with the reason")).toBeVisible();

  const gone = await reader.goto(`${urls.web}/news/${slugPrefix}-removed`);
  expect(gone?.status()).toBe(410);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("This page has been removed");
  await expect(reader.getByText("The clinic has closed.")).toBeVisible();
  await expectAccessible(reader);

  // Undoing the withdrawal: the item is back in the list.
  await page.goto(`${urls.admin}/content/${ids.withdrawn}`);
  await page.getByRole("button", { name: "Undo the withdrawal" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Withdrawal undone")).toBeVisible();
  await readerContext.close();
  // A reader who has not just loaded the list (browsers keep a public page for a minute, decision 003).
  const laterReader = await browser.newContext();
  const later = await laterReader.newPage();
  await later.goto(`${urls.web}/news`);
  await expect(later.getByRole("link", { name: titles.withdrawn })).toBeVisible();
  await expect(later.getByRole("link", { name: titles.removed })).toHaveCount(0);
  await laterReader.close();
});
