import { urls } from "../playwright.config";
import { expect, expectAccessible, test } from "../fixtures";

test("the public home page shows the observatory and its priorities", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("NHS Race and Health Observatory");
  await expect(page.getByRole("link", { name: "Building trust with communities" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
  await expectAccessible(page);
});

test("the admin app boots with the same shell and sends a signed-out visitor to sign in", async ({ page }) => {
  await page.goto(urls.admin);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
  await expectAccessible(page);
});

test("an unknown page is a 404 in the site's design", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});

test("both apps report a healthy database", async ({ request }) => {
  for (const base of [urls.web, urls.admin]) {
    const response = await request.get(`${base}/healthz`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
  }
});
