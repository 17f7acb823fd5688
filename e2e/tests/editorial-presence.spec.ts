import { urls } from "../playwright.config";
import { expect, test } from "../fixtures";
import { removeItems, saveNewDraft, signInAs } from "./staff-helpers";

// Two people with the same item open in the editor are each warned about the other; the page checks
// again every 20 s, a failed check leaves the warning as it was, and leaving the editor takes a
// person off the list at once.

const run = Date.now().toString(36);

test.afterAll(() => removeItems([`presence-${run}-%`]));

test("people editing the same item see each other until one of them leaves", async ({ page, browser }) => {
  await signInAs(page, "author");
  const editorUrl = await saveNewDraft(page, {
    title: `Presence ${run}: shared draft`,
    summary: "A draft two people open at once.",
    body: "Written by one, reviewed by another.",
  });
  // The author's editor runs on a clock the test moves, so the 20 s checks come when asked for.
  await page.clock.install();
  await page.goto(editorUrl);
  await page.waitForLoadState("networkidle");
  const authorWarning = page.getByText(/is editing this item too/);
  await expect(authorWarning).toHaveCount(0);

  // The editor opens the same item and is told at once who else has it open.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signInAs(editorPage, "editor");
  await editorPage.goto(editorUrl);
  await expect(editorPage.getByText("Priya Raman is editing this item too")).toBeVisible();

  // The author's page learns of the editor at its next check.
  await page.clock.runFor(20_000);
  await expect(page.getByText("Daniel Whitfield is editing this item too")).toBeVisible();

  // A check that fails says nothing about who is there: the warning stays.
  await page.route(/\/api\/trpc\/editorial\.presence/, (route) => route.abort());
  const failed = page.waitForEvent("requestfailed", (request) => request.url().includes("editorial.presence"));
  await page.clock.runFor(20_000);
  await failed;
  await expect(page.getByText("Daniel Whitfield is editing this item too")).toBeVisible();
  await page.unroute(/\/api\/trpc\/editorial\.presence/);

  // The editor leaves the item; the author's next check no longer names them, long before the
  // editor's last check would have run out (a minute).
  await editorPage.goto(`${urls.admin}/content`);
  await editorContext.close();
  await expect(async () => {
    await page.clock.runFor(20_000);
    await expect(authorWarning).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
