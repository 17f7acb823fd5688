import { createItem } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { removeItems, signInAs } from "./staff-helpers";

// Bulk actions on the content list, with the keyboard: two live items are selected and archived
// after a confirmation page (which asks why, as they are on the site), one archiving is undone (the item is back on the site as it was) and
// the other item is restored as a draft.

const run = Date.now().toString(36);
const slugPrefix = `list-${run}`;
const titles = [`List one ${run}`, `List two ${run}`] as const;

test.afterAll(() => removeItems([`${slugPrefix}-%`]));

test("an editor archives two items from the list after confirming, undoes one and restores the other", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const [first, second] = await withDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    return Promise.all(
      titles.map((title, n) => createItem(db, { slug: `${slugPrefix}-${n}`, authorId, live: { title } })),
    );
  });
  const state = (id: string) =>
    withDb((db) => db.contentItem.findUniqueOrThrow({ where: { id }, select: { status: true, liveRevisionId: true } }));
  await signInAs(page, "editor");
  await page.goto(`${urls.admin}/content?q=${run}`);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);

  for (const title of titles) {
    const box = page.getByLabel(`Select ${title}`);
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  await page.getByLabel("Action", { exact: true }).focus();
  await page.getByLabel("Action", { exact: true }).selectOption("archive");
  await page.getByRole("button", { name: "Apply to the selected items" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive 2 items?");
  await expect(page.getByRole("table").getByText("On the public site")).toHaveCount(2);
  await expectAccessible(page);
  // Live items are unpublished: the reason is asked for beside its field before anything changes.
  await page.getByRole("button", { name: "Yes, archive 2 items" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#reason-error")).toContainText("Enter why they are being unpublished");
  expect(await state(first?.id ?? "")).toEqual({ status: "PUBLISHED", liveRevisionId: first?.liveId });
  await page.getByLabel("Why are they being unpublished?").focus();
  await page.keyboard.type("Both notices have lapsed.");
  await page.getByRole("button", { name: "Yes, archive 2 items" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2 items archived.");
  await expectAccessible(page);
  expect(await state(first?.id ?? "")).toEqual({ status: "ARCHIVED", liveRevisionId: null });

  await page.getByRole("button", { name: `Undo archiving “${titles[0]}”` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Archiving undone: the item is back as it was before.")).toBeVisible();
  expect(await state(first?.id ?? "")).toEqual({ status: "PUBLISHED", liveRevisionId: first?.liveId });
  // Archiving it alone asks first too, saying that readers lose it.
  await page.getByRole("button", { name: "Archive" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: /It comes off the public site/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "No, keep it" }).click();

  await page.goto(`${urls.admin}/content/${second?.id}`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Restore as a draft" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Restored from the archive")).toBeVisible();
  await expectAccessible(page);
  expect((await state(second?.id ?? "")).status).toBe("DRAFT");

  // Without JavaScript, "Select all on this page" acts on every item the page listed, and the
  // answer names each refusal.
  const form = new URLSearchParams([
    ["action", "restore"],
    ["allOnPage", "yes"],
    ["onPage", first?.id ?? ""],
    ["onPage", second?.id ?? ""],
  ]);
  const answer = await page.request.post(`${urls.admin}/content/bulk`, {
    headers: { Origin: urls.admin, "Content-Type": "application/x-www-form-urlencoded" },
    data: form.toString(),
  });
  const html = await answer.text();
  expect(html).toContain("0 items restored to draft.");
  expect(html).toContain("Not archived: it is published");
  expect(html).toContain("Not archived: it is draft");
});
