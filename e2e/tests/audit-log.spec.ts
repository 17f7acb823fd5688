import { readFile } from "node:fs/promises";
import { createItem } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { removeItems, signInAs } from "./staff-helpers";

// The audit log (issue 20): an administrator searches it for a word, follows what an event is
// about, is told when that no longer exists, sees a settings change's before and after, and
// downloads the filtered view as a CSV file in which a formula typed by someone stays text.

const run = Date.now().toString(36);
const marker = `heron${run}`;
const slug = `e2e-audit-${run}`;
const goneSlug = `e2e-audit-gone-${run}`;
let itemId = "";

test.beforeAll(async () => {
  await withDb(async (db) => {
    const adminId = await userIdOf(db, "admin@observatory.test");
    itemId = (await createItem(db, { authorId: adminId, slug, live: { title: `Audit ${run}` } })).id;
    const gone = await createItem(db, { authorId: adminId, slug: goneSlug });
    await db.contentItem.delete({ where: { id: gone.id } });
    const at = (seconds: number) => new Date(Date.now() - seconds * 1000);
    await db.auditEvent.createMany({
      data: [
        {
          actorId: adminId,
          action: "content.published",
          targetType: "ContentItem",
          targetId: itemId,
          summary: `Published the ${marker} page`,
          createdAt: at(3),
        },
        {
          actorId: adminId,
          action: "content.deleted",
          targetType: "ContentItem",
          targetId: gone.id,
          summary: `Deleted the ${marker} draft`,
          createdAt: at(2),
        },
        {
          actorId: adminId,
          action: "settings.commentRulesChanged",
          targetType: "Setting",
          targetId: "comments.spamRules",
          summary: `=HYPERLINK("http://evil.example") ${marker}`,
          data: { changes: [{ setting: "ipLimit", label: "Comments allowed from one IP address", from: 5, to: 9 }] },
          createdAt: at(1),
        },
      ],
    });
  });
});

test.afterAll(async () => {
  await removeItems([slug]);
});

test("an administrator searches the audit log, follows its links and downloads the view as CSV", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto(`${urls.admin}/audit`);
  await page.getByLabel("Search").fill("he");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Search for at least 3 characters",
  );
  await expect(page).toHaveTitle(/^Error: Audit log/);
  await expectAccessible(page);

  await page.getByLabel("Search").fill(marker);
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.getByRole("row").filter({ hasText: marker });
  await expect(rows).toHaveCount(3);
  const settings = rows.filter({ hasText: "HYPERLINK" });
  await expect(settings).toContainText("Comments allowed from one IP address: 5");
  await expect(settings).toContainText("changed to 9");
  await expect(settings.getByRole("link", { name: "Setting comments.spamRules", exact: true })).toHaveAttribute(
    "href",
    "/comments/settings",
  );
  await expect(rows.filter({ hasText: "draft" })).toContainText("(no longer exists)");
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the events that match these filters/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await file.path(), "utf8");
  const lines = csv.trimEnd().split("\n");
  // The export is recorded before it is read, so it finds itself: its search named the marker.
  expect(lines).toHaveLength(5);
  expect(lines[1]).toContain(`Amara Okafor exported the audit log (search ""${marker}"")`);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"") ${marker}"`);
  expect(csv).toContain("Comments allowed from one IP address: 5 → 9");

  await rows
    .filter({ hasText: "page" })
    .getByRole("link", { name: `ContentItem ${itemId}`, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Audit ${run}`);
});
