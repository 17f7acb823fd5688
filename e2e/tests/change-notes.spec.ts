import { createItem } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { removeItems, signInAs } from "./staff-helpers";

// Change notes (decision 030): publishing a new revision of a page readers have seen asks whether it
// is a major change (readers are told, with a note) or a minor one. Readers see "Last updated" and
// every dated note under "All updates to this page".

const run = Date.now().toString(36);
const slug = `e2e-change-notes-${run}`;
const title = `Cancer screening uptake ${run}`;
const note = "Added the figures for 2025 and a chart of uptake by ethnic group.";
let itemId = "";

test.beforeAll(async () => {
  itemId = await withDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    const editorId = await userIdOf(db, "editor@observatory.test");
    const created = await createItem(db, {
      authorId,
      slug,
      status: "APPROVED",
      live: { title, publishedAt: new Date("2026-03-02T10:00:00Z") },
      pending: { title: `${title}, with 2025 figures` },
    });
    await db.revision.update({
      where: { id: created.pendingId ?? "" },
      data: { approvedAt: new Date(), approvedById: editorId },
    });
    return created.id;
  });
});

test.afterAll(() => removeItems([`${slug}%`]));

test("an editor publishes a major change with a note, and readers see it dated in the page's history", async ({
  page,
}) => {
  await page.goto(`${urls.web}/news/${slug}`);
  await expect(page.getByText("News · Published 2 March 2026 · By")).toBeVisible();
  await expect(page.getByText("Last updated")).toHaveCount(0);

  await signInAs(page, "editor");
  await page.goto(`${urls.admin}/content/${itemId}/publish`);
  await expect(page.getByRole("group", { name: "What kind of change is this?" })).toBeVisible();
  await expectAccessible(page);

  // Publishing without saying is refused, and the summary leads to the question.
  await page.getByRole("button", { name: /^Publish revision 2 now/ }).focus();
  await page.keyboard.press("Enter");
  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: /major change .* or a minor one/ }).press("Enter");
  await expect(page.getByRole("radio", { name: "Major change" })).toBeFocused();
  await expectAccessible(page);

  // A major change needs its note: refused again, what was chosen is kept.
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: /^Publish revision 2 now/ }).focus();
  await page.keyboard.press("Enter");
  await expect(summary.getByRole("link", { name: /Write a change note/ })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Major change" })).toBeChecked();
  await summary.getByRole("link", { name: /Write a change note/ }).press("Enter");
  await expect(page.getByLabel("Change note (for a major change)")).toBeFocused();
  await page.keyboard.type(note);
  await page.getByRole("button", { name: /^Publish revision 2 now/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Published: it is on the public site now.")).toBeVisible();

  await page.goto(`${urls.web}/news/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title}, with 2025 figures`);
  const byline = page.getByText(/^News · Published 2 March 2026 · Last updated/);
  await expect(byline).toBeVisible();
  await byline.getByRole("link", { name: "see all updates" }).press("Enter");
  await expect(page).toHaveURL(/#history$/);
  const history = page.getByRole("region", { name: "All updates to this page" });
  await expect(history.locator("dd")).toHaveText([note, "First published."]);
  await expect(history.locator("dt").last()).toHaveText("2 March 2026");
  await expectAccessible(page);
});
