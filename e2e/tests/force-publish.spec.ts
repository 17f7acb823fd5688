import { createItem } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { removeItems, signInAs } from "./staff-helpers";

// The recorded emergency route (decision 026): an editor publishes a news item that is still in
// review, because it cannot wait, with a written reason. It is on the site at once and flagged
// "Published without review" until a second editor (here the administrator, in a browser of their
// own) reviews it afterwards. The administrator also decides which kinds may go out this way.

const run = Date.now().toString(36);
const slug = `e2e-force-publish-${run}`;
const title = `Statement on today's maternity figures ${run}`;
const reason = "The figures are published at noon and the press office needs our statement with them.";
let itemId = "";

test.beforeAll(async () => {
  itemId = await withDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    return (await createItem(db, { authorId, slug, pending: { title } })).id;
  });
});

test.afterAll(async () => {
  await removeItems([`${slug}%`]);
  await withDb((db) => db.setting.deleteMany({ where: { key: "content.forcePublishKinds" } }));
});

test("an editor publishes without review with a reason, and a second editor reviews it afterwards", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, "editor");
  await page.goto(`${urls.admin}/content/${itemId}/publish`);
  await expect(page.getByRole("heading", { name: "Publish without review" })).toBeVisible();
  await expectAccessible(page);

  // Too short a reason is refused beside the field, and nothing is published.
  const field = page.getByLabel("Why can this not wait for review?");
  await field.fill("Urgent");
  await page.getByRole("button", { name: /without review/ }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("at least 20 characters");
  await expect(page.locator("#reason-error")).toContainText("at least 20 characters");
  await expect(field).toHaveValue("Urgent");
  expect((await page.request.get(`${urls.web}/news/${slug}`)).status()).toBe(404);

  // With the keyboard: the reason, then the button.
  await field.fill(reason);
  await field.press("Tab");
  await expect(page.getByRole("button", { name: /without review/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Published: it is on the public site now.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Published without review" })).toBeVisible();
  await expect(page.getByText("Another editor must review it.")).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(`${urls.web}/news/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await reader.close();

  // Flagged in the content list, found by its filter, and on the dashboard.
  await page.goto(`${urls.admin}/content?reviewDue=unreviewed`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Published without review");
  await page.goto(urls.admin);
  const callout = page.locator(".nhsuk-card--warning", { hasText: "waiting for a second editor" });
  await expect(callout.getByRole("link", { name: title })).toBeVisible();

  // The publisher cannot review their own.
  await page.goto(`${urls.admin}/content/${itemId}/reviewed-after-publication`);
  await expect(page.getByText("You published this without review, so another editor must review it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as reviewed" })).toHaveCount(0);

  // The administrator reviews it from the list.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.route(/assets\.nhs\.uk/, (route) => route.abort());
  await signInAs(admin, "admin");
  await admin.goto(`${urls.admin}/content/published-without-review`);
  await expect(admin.getByRole("table", { name: "Waiting for a second editor" })).toContainText(reason);
  await expectAccessible(admin);
  await admin.getByRole("link", { name: title }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Review after publication: ${title}`);
  await expectAccessible(admin);
  await admin.getByLabel("Note for the record (optional)").fill("Checked the figures against the release.");
  await admin.getByRole("button", { name: "Mark as reviewed" }).click();
  await expect(admin.getByText("Reviewed after publication: it is no longer marked")).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Published without review" })).toHaveCount(0);

  await admin.goto(`${urls.admin}/content/published-without-review`);
  await expect(admin.getByRole("table", { name: "Reviewed afterwards (latest 50)" })).toContainText(
    "Checked the figures against the release.",
  );
  const audited = await withDb((db) =>
    db.auditEvent.findMany({ where: { targetId: itemId }, select: { action: true } }),
  );
  expect(audited.map((a) => a.action)).toEqual(
    expect.arrayContaining(["content.forcePublish", "content.forcePublishReviewed"]),
  );

  // The administrator turns the route off for news; the editor is told so instead of offered it.
  await admin.goto(`${urls.admin}/content/publishing-settings`);
  await expectAccessible(admin);
  await admin.getByLabel("News").uncheck();
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("The publishing settings have been saved.")).toBeVisible();
  await adminContext.close();

  const draftId = await withDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    return (await createItem(db, { authorId, slug: `${slug}-second`, pending: { title: `Second ${title}` } })).id;
  });
  await page.goto(`${urls.admin}/content/${draftId}/publish`);
  await expect(
    page.getByText("Publishing without review is turned off for this kind of content (News)."),
  ).toBeVisible();
  await expect(page.getByLabel("Why can this not wait for review?")).toHaveCount(0);
});
