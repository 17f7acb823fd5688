import { createItem, createUser } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { linkIn, waitForMail } from "../mail";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { signInAs } from "./staff-helpers";

const run = Date.now().toString(36);

test("an administrator corrects a departing author's address, hands their content to an editor and deletes them, then disables two users at once", async ({
  page,
}) => {
  // One administrator, nine pages, each checked with axe.
  test.setTimeout(90_000);
  const leaver = await withDb(async (db) => {
    const user = await createUser(db, "AUTHOR", {
      name: `Dana Departing ${run}`,
      email: `dana-${run}@observatory.test`,
    });
    const item = await createItem(db, { authorId: user.id, pending: { title: `Dana's unfinished piece ${run}` } });
    await db.revision.updateMany({ where: { itemId: item.id }, data: { submittedAt: null } });
    return { ...user, itemId: item.id };
  });
  const newEmail = `dana.new-${run}@observatory.test`;

  await signInAs(page, "admin");
  await page.goto(`${urls.admin}/users?search=${encodeURIComponent(leaver.name)}`);
  await page.getByRole("link", { name: leaver.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: leaver.name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sessions" })).toBeVisible();
  await expect(page.getByText("They are not signed in anywhere.")).toBeVisible();
  await expectAccessible(page);

  // The address changes only once the link sent to the new one is opened.
  await page.getByRole("button", { name: "Change name or email address" }).click();
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(newEmail);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The new email address applies once they open the link")).toBeVisible();
  await expect(page.getByText(`${newEmail}, waiting for them to open the link`)).toBeVisible();
  await waitForMail((m) => m.to.includes(leaver.email) && m.text.includes(newEmail));
  const link = linkIn(await waitForMail((m) => m.to.includes(newEmail)), `${urls.admin}/email-change/`);
  await page.goto(link);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my new email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Email address confirmed" })).toBeVisible();

  // Deleting: the page counts what passes on, and asks to whom.
  await page.goto(`${urls.admin}/users/${leaver.id}`);
  await expect(page.getByText(newEmail, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Delete account" }).click();
  await expect(page.getByText("1 draft they had not submitted")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Delete account and hand over their content" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Choose who their content goes to",
  );
  await expectAccessible(page);
  await page
    .getByLabel("Who their content goes to")
    .selectOption({ label: "Daniel Whitfield (editor@observatory.test)" });
  await page.getByRole("button", { name: "Delete account and hand over their content" }).click();
  await expect(page.getByText(`${leaver.name}'s account has been deleted.`)).toBeVisible();
  const editorId = await withDb((db) => userIdOf(db, "editor@observatory.test"));
  const item = await withDb((db) =>
    db.contentItem.findUniqueOrThrow({ where: { id: leaver.itemId }, include: { revisions: true } }),
  );
  expect([item.createdById, item.ownerId, ...item.revisions.map((r) => r.authorId)]).toEqual([
    editorId,
    editorId,
    editorId,
  ]);

  // Two at once, one of them yourself: the other is disabled, and the page says why you were not.
  const other = await withDb((db) => createUser(db, "MODERATOR", { name: `Moe Okafor-Bulk ${run}` }));
  await page.goto(`${urls.admin}/users?search=Okafor`);
  await page.getByLabel("Select Amara Okafor").check();
  await page.getByLabel(`Select ${other.name}`).check();
  await page.getByRole("button", { name: "Disable the selected users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Disable 2 users?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, disable 2 users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "1 user disabled." })).toBeVisible();
  await expect(page.getByText("Amara Okafor: You cannot disable your own account.")).toBeVisible();
  await expectAccessible(page);
  expect((await withDb((db) => db.user.findUniqueOrThrow({ where: { id: other.id } }))).disabledAt).not.toBeNull();
});
