import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { withDb } from "./database";
import { type DemoRole, removeItems, signInAs, typeBody } from "./staff-helpers";

// Review workflows end to end: an administrator makes a review group and a three-step workflow for
// blogs on one priority, with the keyboard; an author submits a blog; the editor, a clinical
// reviewer (an author by role, in the Clinical reviewers group) and the administrator (in the new
// group) each decide their step, the clinical reviewer first asking for changes.

const run = Date.now().toString(36);
const title = `Workflow ${run}: sickle cell care`;
const groupName = `Communications director ${run}`;
const workflowName = `Health blogs ${run}`;
let reviewUrl = "";

test.afterAll(async () => {
  await removeItems([`workflow-${run}-%`]);
  await withDb(async (db) => {
    await db.workflow.deleteMany({ where: { name: workflowName } });
    await db.reviewGroup.deleteMany({ where: { name: groupName } });
  });
});

async function signIn(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  await context.route(/assets\.nhs\.uk/, (route) => route.abort());
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

/** Opens the item's review page (from the "Awaiting my decision" panel the first time) and decides. */
async function decide(page: Page, decision: "Approve" | "Request changes", comment = "") {
  if (!reviewUrl) {
    await page.goto(urls.admin);
    await page.getByRole("list", { name: "Awaiting my decision" }).getByRole("link", { name: title }).click();
    reviewUrl = page.url();
  } else {
    await page.goto(reviewUrl);
  }
  await page.waitForLoadState("networkidle");
  await page.getByLabel(decision).check();
  if (comment) await page.getByLabel("Your comments").fill(comment);
  await page.getByRole("button", { name: "Send decision" }).click();
}

test("an administrator sets up a three-step workflow and three reviewers take a blog through it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const priority = await withDb((db) =>
    db.workstream.findFirstOrThrow({ orderBy: { position: "asc" }, select: { title: true } }),
  );

  const admin = await signIn(browser, "admin");
  await admin.getByRole("link", { name: "Workflows" }).first().click();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Manage review groups and their members" }).click();
  await admin.getByRole("button", { name: "Add a group" }).click();
  await admin.getByLabel("Name").fill(groupName);
  await admin.getByRole("button", { name: "Create group" }).press("Enter");
  await expect(admin.getByText("The group has been created")).toBeVisible();
  await admin.getByLabel("Add a person").selectOption({ label: "Amara Okafor (admin@observatory.test)" });
  await admin.getByRole("button", { name: "Add to the group" }).press("Enter");
  await expect(admin.getByText("The person has been added to the group.")).toBeVisible();
  await expectAccessible(admin);

  await admin.goto(`${urls.admin}/workflows/new`);
  await admin.getByLabel("Name", { exact: true }).fill(workflowName);
  const step = (n: number) => admin.getByRole("group", { name: `Step ${n}`, exact: true });
  await step(1).getByLabel("What the step is").fill("Editorial review");
  await step(1).getByLabel("Who decides it").selectOption({ label: "Editors" });
  // Adding a step puts the cursor in its first box, with or without JavaScript.
  await admin.getByRole("button", { name: "Add another step" }).press("Enter");
  await expect(step(2).getByLabel("What the step is")).toBeFocused();
  await admin.keyboard.type("Clinical sign-off");
  await step(2).getByLabel("Who decides it").selectOption({ label: "Clinical reviewers" });
  await step(2).getByLabel("Every member").check();
  await admin.getByRole("button", { name: "Add another step" }).press("Enter");
  await expect(step(3).getByLabel("What the step is")).toBeFocused();
  await admin.keyboard.type("Director's approval");
  await step(3).getByLabel("Who decides it").selectOption({ label: groupName });
  await admin.getByRole("button", { name: "Create workflow" }).click();
  await expect(admin.getByText("The workflow has been created")).toBeVisible();
  await admin.getByLabel("Kind of content").selectOption("BLOG");
  await admin.getByLabel("Priority").selectOption({ label: `Only items tagged ${priority.title}` });
  await admin.getByRole("button", { name: "Review this content with the workflow" }).click();
  await expect(admin.getByText("The workflow now reviews that content.")).toBeVisible();
  await expect(admin.getByRole("button", { name: `Remove Blogs tagged ${priority.title}` })).toBeVisible();
  await expectAccessible(admin);

  const author = await signIn(browser, "author");
  await author.goto(`${urls.admin}/content/new`);
  await author.waitForLoadState("networkidle");
  await author.getByLabel("Title", { exact: true }).fill(title);
  await author.getByLabel("Kind of content").selectOption("BLOG");
  await author.getByLabel("Summary", { exact: true }).fill("What changes for people living with sickle cell.");
  await typeBody(author, "Crisis care times vary by hospital.");
  await author.getByLabel(priority.title).check();
  await author.getByRole("button", { name: "Save draft" }).click();
  await expect(author.getByRole("heading", { level: 1 })).toHaveText(title);
  const itemUrl = author.url().split("?")[0] ?? "";
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByText("Submitted for review.")).toBeVisible();
  await expect(author.getByText("Awaiting editorial review").first()).toBeVisible();

  const editor = await signIn(browser, "editor");
  await decide(editor, "Approve");
  await expect(editor.getByText("Approved at this step.")).toBeVisible();
  await expect(editor.getByText("Awaiting clinical sign-off").first()).toBeVisible();

  // The clinical reviewer comments on a passage of the body, chosen by selecting it, then asks for changes.
  const clinician = await signIn(browser, "clinician");
  await clinician.goto(reviewUrl);
  await clinician.waitForLoadState("networkidle");
  await clinician.evaluate(() => {
    const paragraph = document.querySelector(".observatory-body p");
    const text = paragraph?.firstChild;
    if (!text) throw new Error("no body paragraph");
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, "Crisis care times".length);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
  await clinician.getByRole("button", { name: "Quote the text selected in the body" }).click();
  await expect(clinician.getByLabel("The passage you mean (optional)")).toHaveValue("Crisis care times");
  await expect(clinician.getByLabel("Your comment", { exact: true })).toBeFocused();
  await clinician.keyboard.type("Which hospitals are these from?");
  await clinician.getByRole("button", { name: "Add comment" }).click();
  await expect(clinician.locator("blockquote", { hasText: "Crisis care times" })).toBeVisible();
  // The passage is marked in the body.
  await expect
    .poll(() =>
      clinician.evaluate(
        () => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("review-comment")?.size ?? 0,
      ),
    )
    .toBe(1);
  await expectAccessible(clinician);
  await decide(clinician, "Request changes", "Say which hospitals the times come from.");
  await expect(clinician.getByText("Changes requested.")).toBeVisible();

  await author.goto(itemUrl);
  await author.waitForLoadState("networkidle");
  await expect(author.getByText("Say which hospitals the times come from.").first()).toBeVisible();
  await expect(author.getByRole("link", { name: "Comments (1 open)" })).toBeVisible();
  await typeBody(author, "Crisis care times vary across the twelve hospitals in the audit.");
  await author.getByRole("button", { name: "Save changes" }).click();
  await expect(author.getByText("Your changes have been saved")).toBeVisible();
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByText("Submitted for review.")).toBeVisible();

  await decide(editor, "Approve");
  // The clinical step begins once the editor's decision is recorded: not before the page says so.
  await expect(editor.getByText("Approved at this step.")).toBeVisible();
  await decide(clinician, "Approve", "The figures match the audit.");
  await expect(clinician.getByText("Awaiting director's approval").first()).toBeVisible();
  // The review page shows each step's decisions, and the step waiting.
  await admin.goto(urls.admin);
  await admin.getByRole("list", { name: "Awaiting my decision" }).getByRole("link", { name: title }).click();
  await expect(admin.getByText(/Dr Grace Mensah approved on .*The figures match the audit/)).toBeVisible();
  await expectAccessible(admin);
  await decide(admin, "Approve");
  await expect(admin.getByText("Approved. It can now be published.")).toBeVisible();
  // The clinical reviewer could sign off, and cannot publish.
  await clinician.goto(itemUrl);
  await expect(clinician.getByRole("link", { name: "Publish or schedule" })).toHaveCount(0);

  for (const page of [admin, author, editor, clinician]) await page.context().close();
});
