import pg from "pg";
import { expect, expectAccessible, test } from "../fixtures";
import { databaseUrl, urls } from "../playwright.config";

// An editor shares an unpublished draft with an outside reviewer: the link shows the draft exactly as
// the public site would, is never cached or indexed, counts its uses, and stops working once withdrawn.

const run = Date.now().toString(36);
const title = `Shared draft ${run}`;

test.afterAll(async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "ContentItem" WHERE slug LIKE $1`, [
      `shared-draft-${run}%`,
    ]);
    const ids = rows.map((r) => r.id);
    await client.query(`UPDATE "ContentItem" SET "latestRevisionId" = NULL WHERE id = ANY($1)`, [ids]);
    await client.query(`DELETE FROM "ContentItem" WHERE id = ANY($1)`, [ids]);
  } finally {
    await client.end();
  }
});

test("an outside reviewer reads a draft through a share link until it is withdrawn", async ({ page, browser }) => {
  await page.goto(`${urls.admin}/sign-in`);
  await page.getByLabel("Email address").fill("editor@observatory.test");
  await page.getByLabel("Password").fill("demo-editor-passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");

  await page.goto(`${urls.admin}/content/new`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Kind of content").selectOption("NEWS");
  await page.getByLabel("Summary", { exact: true }).fill("A draft for an outside reviewer.");
  await page.getByLabel("Body", { exact: true }).fill("The figures are **not yet** final.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const itemPath = new URL(page.url()).pathname;

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
