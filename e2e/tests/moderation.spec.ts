import { readFile } from "node:fs/promises";
import { createComment } from "@observatory/db/testing";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { createArticleToCommentOn, withDb } from "./database";

// Comment moderation across both apps: a reader's comment goes through the queue (approved with the
// keyboard) onto the public article, and a bulk action marks several comments as spam. The journeys
// use an article of their own, so the public portal's journeys keep their seeded counts.

const run = Date.now().toString(36);
const slug = `e2e-moderation-${run}`;
let itemId = "";
const articlePath = `/news/${slug}`;

test.beforeAll(async () => {
  itemId = await createArticleToCommentOn(slug, "Moderation journey");
});

test.afterAll(async () => {
  // The comments go with the item.
  await withDb((db) => db.contentItem.deleteMany({ where: { id: itemId } }));
});

/** An approved comment on the journey's article, as if a reader had posted it earlier. */
async function addApprovedComment(fields: { id: string; name: string; email: string; body: string }) {
  await withDb((db) =>
    createComment(db, { ...fields, itemId, status: "APPROVED", approvedAt: new Date(), ipHash: null }),
  );
}

async function signInAsModerator(page: Page) {
  await page.goto(`${urls.admin}/sign-in?redirectTo=%2Fcomments`);
  await page.getByLabel("Email address").fill("moderator@observatory.test");
  await page.getByLabel("Password").fill("demo-moderator-passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${urls.admin}/comments`);
}

test("a reader's comment is approved from the queue with the keyboard and appears on the article at once", async ({
  page,
}) => {
  const text = `Interpreters were never offered to my mother ${run}`;
  await page.goto(articlePath);
  const renderedAt = Date.now();
  await page.getByLabel("Your name").fill("Ada Reader");
  await page.getByLabel("Your email address").fill(`ada-${run}@example.org`);
  await page.getByLabel("Your comment").fill(text);
  // The form's minimum time (1 s in these journeys).
  await page.waitForTimeout(Math.max(0, 1200 - (Date.now() - renderedAt)));
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Thank you for your comment" })).toContainText(
    "awaiting moderation",
  );
  await expect(page.getByText(text)).toHaveCount(0);
  // The form starts afresh: sending it again would need a new comment.
  await expect(page.getByLabel("Your name")).toHaveValue("");
  await expect(page.getByLabel("Your email address")).toHaveValue("");
  await expect(page.getByLabel("Your comment")).toHaveValue("");

  await signInAsModerator(page);
  await page.goto(`${urls.admin}/comments?q=${encodeURIComponent(run)}&itemId=${itemId}`);
  const row = page.locator("[data-queue-row]").filter({ hasText: text });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`ada-${run}@example.org`);
  await expect(row).toContainText("First comment from this email");
  await expectAccessible(page);

  // The shortcuts act only inside the list of comments: Tab into it first (its first control is the row's checkbox).
  await row.getByRole("checkbox").focus();
  await page.keyboard.press("j");
  await expect(row).toBeFocused();
  await expect(page.getByText("Comment 1 of 1, by Ada Reader")).toBeAttached();
  await page.keyboard.press("a");
  await expect(page.locator("#queue-status")).toHaveText("Comment approved: it is now on the public page.");
  await expect(row).toHaveCount(0);

  await page.goto(articlePath);
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.locator("#comments-heading")).toHaveText("Comments (1)");
});

test("a moderator marks several comments as spam at once, told which could not be; none is ever public", async ({
  page,
}) => {
  const bodies = [1, 2, 3, 4].map((n) => `Buy cheap pills ${n} ${run}`);
  for (const [n, body] of bodies.entries()) {
    await withDb((db) =>
      createComment(db, {
        id: `e2e_spam_${run}_${n}`,
        itemId,
        name: `Spammer ${n}`,
        email: `spam-${run}-${n}@example.org`,
        body,
        status: "PENDING",
        flags: ["links:3"],
        ipHash: null,
      }),
    );
  }
  await signInAsModerator(page);
  await page.goto(`${urls.admin}/comments?q=${encodeURIComponent("pills")}&itemId=${itemId}`);
  for (const body of bodies) {
    await page.locator("[data-queue-row]").filter({ hasText: body }).getByRole("checkbox").check();
  }
  // Meanwhile another moderator rejects one of them.
  await withDb((db) => db.comment.update({ where: { id: `e2e_spam_${run}_3` }, data: { status: "REJECTED" } }));
  await page.getByRole("button", { name: "Mark selected as spam" }).click();
  const status = page.locator("#queue-status");
  await expect(status).toContainText("Marked as spam 3 comments. 1 comment could not be changed:");
  await expect(status.getByRole("listitem")).toHaveText(
    "A comment no longer in this list: Someone else has already moderated this comment: it is now rejected. Nothing was changed.",
  );
  const stored = await withDb((db) =>
    db.comment.findMany({
      where: { id: { startsWith: `e2e_spam_${run}_` } },
      orderBy: { id: "asc" },
      select: { id: true, status: true },
    }),
  );
  expect(stored.map((c) => c.status)).toEqual(["SPAM", "SPAM", "SPAM", "REJECTED"]);

  await page.getByRole("link", { name: /^Spam \(/ }).click();
  await expect(page.locator("[data-queue-row]")).toHaveCount(3);
  await expectAccessible(page);

  await page.goto(articlePath);
  for (const body of bodies) await expect(page.getByText(body)).toHaveCount(0);
});

test("the rules page is accessible and saves a change", async ({ page }) => {
  await signInAsModerator(page);
  await page.goto(`${urls.admin}/comments/settings`);
  await expectAccessible(page);
  // A bad value is refused beside its field, with the other values kept.
  await page.getByLabel("Blocked email addresses").fill("troll@example.org");
  await page.getByLabel("Hold a comment with this many links or more").fill("-1");
  await page.getByRole("button", { name: "Save rules" }).click();
  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#holdAtLinks");
  await expect(page.locator("#holdAtLinks-error")).toBeVisible();
  await expect(page.getByLabel("Blocked email addresses")).toHaveValue("troll@example.org");
  await page.getByLabel("Blocked email addresses").fill("");
  await page.getByLabel("Hold a comment with this many links or more").fill("3");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("alert")).toContainText("The rules are saved");
  await expect(page.getByLabel("Hold a comment with this many links or more")).toHaveValue("3");
  await expectAccessible(page);
  // Put the default back for the other journeys.
  await page.getByLabel("Hold a comment with this many links or more").fill("2");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("alert")).toContainText("The rules are saved");
});

test("an administrator exports a commenter's comments as JSON and anonymises them", async ({ page }) => {
  const email = `subject-${run}@example.org`;
  await addApprovedComment({ id: `e2e_subject_${run}`, name: "Data Subject", email, body: "Please forget me" });
  await page.goto(`${urls.admin}/sign-in?redirectTo=%2Fcomments%2Fprivacy`);
  await page.getByLabel("Email address").fill("admin@observatory.test");
  await page.getByLabel("Password").fill("demo-admin-passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A commenter's personal data" })).toBeVisible();
  await expectAccessible(page);

  await page.locator("#export-email").fill(email);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as JSON" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8")) as { comments: { body: string }[] };
  expect(exported.comments.map((c) => c.body)).toEqual(["Please forget me"]);

  await page.locator("#email").fill(email);
  await page.getByRole("button", { name: "Erase comments" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("Confirm that you want to erase these comments");
  await expectAccessible(page);
  await page.getByLabel("I understand this cannot be undone").check();
  await page.getByRole("button", { name: "Erase comments" }).click();
  await expect(page.getByRole("alert")).toContainText("Anonymised 1 comment");
  const stored = await withDb((db) =>
    db.comment.findUnique({ where: { id: `e2e_subject_${run}` }, select: { authorName: true, authorEmail: true } }),
  );
  expect(stored).toEqual({ authorName: "Anonymous", authorEmail: "" });
});

test("from a comment's own page a moderator redacts a phrase and replies as the observatory", async ({ page }) => {
  const id = `e2e_redact_${run}`;
  await addApprovedComment({
    id: id,
    name: "Sam Reader",
    email: `sam-${run}@example.org`,
    body: `Ask Jo Bloggs on ward 4 ${run}`,
  });
  await signInAsModerator(page);
  await page.goto(`${urls.admin}/comments?status=APPROVED&itemId=${itemId}&q=${run}`);
  await page
    .locator("[data-queue-row]")
    .filter({ hasText: "Jo Bloggs" })
    .getByRole("link", { name: /Give a reason, edit, redact or reply/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Comment by Sam Reader");
  await expectAccessible(page);

  await page.getByLabel("Words to remove from the comment").fill("jo bloggs");
  await page.getByRole("button", { name: "Redact" }).click();
  await expect(page.getByRole("alert")).toContainText("Comment redacted");
  await page.getByLabel("Your reply").fill(`Thank you, we will look into this ${run}`);
  await page.getByRole("button", { name: "Publish reply" }).click();
  await expect(page.getByRole("alert")).toContainText("Your reply is published");
  await expectAccessible(page);
  // An edit of the name shown; the audit log keeps the one sent.
  await page.getByLabel("Name shown with the comment").fill("Sam R.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Comment saved");
  // The save's revalidation finishes before the journey leaves (the admin keeps the router's report
  // of an aborted one out of the console: remix-run/react-router#14203, entry.client.tsx).
  await page.waitForLoadState("networkidle");

  await page.goto(articlePath);
  await expect(page.getByText(`Ask [removed] on ward 4 ${run}`)).toBeVisible();
  await expect(page.getByText("Jo Bloggs")).toHaveCount(0);
  await expect(
    page
      .locator(".observatory-comment")
      .filter({ hasText: `Ask [removed] on ward 4 ${run}` })
      .first(),
  ).toContainText("Sam R.");
  const reply = page.locator(".observatory-comment").filter({ hasText: `Thank you, we will look into this ${run}` });
  await expect(reply.last()).toContainText("NHS Race and Health Observatory");
});

test("a trusted commenter's comment is published at once, and the page says so", async ({ page }) => {
  const email = `trusted-${run}@example.org`;
  await addApprovedComment({
    id: `e2e_trusted_${run}`,
    name: "Tara Reader",
    email: email,
    body: "An earlier approved comment",
  });
  const text = `A second thought from a trusted reader ${run}`;
  await page.goto(articlePath);
  const renderedAt = Date.now();
  await page.getByLabel("Your name").fill("Tara Reader");
  await page.getByLabel("Your email address").fill(email);
  await page.getByLabel("Your comment").fill(text);
  await page.waitForTimeout(Math.max(0, 1200 - (Date.now() - renderedAt)));
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Thank you for your comment" })).toContainText(
    "It has been published below.",
  );
  await expect(page.getByText(text)).toBeVisible();
});
