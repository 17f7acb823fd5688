import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { removeItems, saveNewDraft, signInAs } from "./staff-helpers";

// The editor is a server-rendered form that people can type into before its scripts have loaded.
// Whatever they type then must survive React taking the page over (hydration) and be saved.

const run = Date.now().toString(36);
const title = `Hydration ${run}: first title`;

test.afterAll(() => removeItems([`hydration-${run}-%`]));

/** True once React has hydrated the element (it keeps its fiber on the DOM node). */
const isHydrated = (page: Page, selector: string) =>
  page.evaluate(
    (s) => Object.keys(document.querySelector(s) ?? {}).some((key) => key.startsWith("__reactFiber")),
    selector,
  );

test("text typed into the editor before its scripts load survives hydration and is saved", async ({ page }) => {
  await signInAs(page, "author");

  // An item with text in every field, so the form is rendered with values React could put back.
  const editorUrl = await saveNewDraft(page, {
    title,
    summary: "The summary as first saved.",
    body: "The body as first saved.",
  });

  // Open the editor again with its scripts held back, and type while the page is server-rendered only.
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => {
    releaseScripts = resolve;
  });
  await page.route(/\/assets\/.*\.js(\?.*)?$/, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto(editorUrl, { waitUntil: "commit" });
  const typedTitle = `Hydration ${run}: typed before the scripts`;
  const typedSummary = "A summary typed before the scripts.";
  // Before the scripts, the body is a plain box holding the body as simple HTML.
  const typedBody = "<h2>Typed early</h2><p>Every word typed before hydration is kept.</p>";
  await page.getByLabel("Title", { exact: true }).fill(typedTitle);
  await page.getByLabel("Summary", { exact: true }).fill(typedSummary);
  await page.getByLabel("Body", { exact: true }).fill(typedBody);
  expect(await isHydrated(page, "#title")).toBe(false);

  releaseScripts();
  await expect.poll(() => isHydrated(page, "#title")).toBe(true);
  await page.unroute(/\/assets\/.*\.js(\?.*)?$/);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(typedTitle);
  await expect(page.getByLabel("Summary", { exact: true })).toHaveValue(typedSummary);
  // The rich-text editor starts from what was typed into the box, and the preview catches up.
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(body.getByRole("heading", { level: 2 })).toHaveText("Typed early");
  await expect(body).toContainText("Every word typed before hydration is kept.");
  await expect(page.locator(".observatory-preview h2")).toHaveText("Typed early");

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes have been saved")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(typedTitle);
  await page.reload();
  await expect(page.getByLabel("Summary", { exact: true })).toHaveValue(typedSummary);
  await expect(body.getByRole("heading", { level: 2 })).toHaveText("Typed early");
  await expect(body).toContainText("Every word typed before hydration is kept.");
});
