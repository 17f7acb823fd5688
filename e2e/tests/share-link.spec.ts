import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { removeItems, saveNewDraft, signInAs } from "./staff-helpers";

// An editor shares an unpublished draft with an outside reviewer: the link shows the draft exactly as
// the public site would, is never cached or indexed, counts its uses, and stops working once withdrawn.

const run = Date.now().toString(36);
const title = `Shared draft ${run}`;

test.afterAll(() => removeItems([`shared-draft-${run}%`]));

test("an outside reviewer reads a draft through a share link until it is withdrawn", async ({ page, browser }) => {
  await signInAs(page, "editor");

  const editorUrl = await saveNewDraft(page, {
    title,
    summary: "A draft for an outside reviewer.",
    body: "The figures are **not yet** final.",
  });
  const itemPath = new URL(editorUrl).pathname;

  await page.goto(`${urls.admin}${itemPath}/preview`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // A bad number of days is refused beside the field.
  await page.getByLabel("Days the link works (1 to 30)").fill("90");
  await page.getByRole("button", { name: "Create a preview link" }).click();
  await expect(page.locator("#days-error")).toBeVisible();
  await page.getByLabel("Days the link works (1 to 30)").fill("2");
  await page.getByRole("button", { name: "Create a preview link" }).click();
  const link = (await page.locator(".nhsuk-notification-banner code").textContent()) ?? "";
  expect(link).toMatch(/\/preview\/\S+$/);
  await expectAccessible(page);

  const reviewer = await browser.newContext();
  await reviewer.route(/assets\.nhs\.uk/, (route) => route.abort());
  const outside = await reviewer.newPage();
  const response = await outside.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  await expect(outside.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(outside.getByText("This page is not published.")).toBeVisible();
  await expect(outside.locator("strong", { hasText: "not yet" })).toBeVisible();
  await expect(outside.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expectAccessible(outside);
  // The draft is still not public.
  expect((await outside.request.get(`${urls.web}/news/shared-draft-${run}`)).status()).toBe(404);

  await page.reload();
  const row = page.getByRole("row", { name: /Active/ });
  await expect(row).toContainText("1 (last");
  await row.getByRole("button", { name: "Withdraw this link" }).click();
  await expect(page.getByText("The preview link has been withdrawn.")).toBeVisible();

  const withdrawn = await outside.goto(link);
  expect(withdrawn?.status()).toBe(404);
  await expect(outside.getByText("This preview link is not valid")).toBeVisible();
  await reviewer.close();
});
