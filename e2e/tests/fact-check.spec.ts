import { createItem } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { waitForMail } from "../mail";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { deadlineIn, factCheckLinkFor } from "./fact-check-helpers";
import { expectAccessibleAsServed } from "./public-helpers";
import { removeItems, signInAs } from "./staff-helpers";

// Fact checks by outside experts (decision 028): an author asks an expert to check a draft; the
// expert, in a browser of their own with no account, opens the link from the email, reads the draft
// and answers with corrections by keyboard; the author sees the answer on the item and by email.
// Once the item is published the link says the request has closed.

const run = Date.now().toString(36);
const slug = `e2e-fact-check-${run}`;
const title = `Race equality leads in NHS trusts ${run}`;
const expertEmail = `statistician-${run}@university.example`;
const corrections = "The 41% figure is from the 2025 survey; for 2024 it was 38%.";
let itemId = "";

test.beforeAll(async () => {
  itemId = await withDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    return (
      await createItem(db, {
        authorId,
        slug,
        pending: { title, body: "In 2024, 41% of the trusts surveyed had a named race equality lead." },
      })
    ).id;
  });
});

test.afterAll(async () => {
  await removeItems([`${slug}%`]);
});

test("an author asks an outside expert to check a draft, the expert answers, and the link closes on publication", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "author");
  await page.goto(`${urls.admin}/content/${itemId}`);
  await page.getByRole("link", { name: "Fact checks" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Fact checks: ${title}`);
  await expectAccessible(page);

  // A bad address is named beside the field, and what was typed stays.
  const addresses = page.getByLabel("Email addresses of the experts");
  await addresses.fill(`${expertEmail}\nstatistician@`);
  await page.getByLabel("What should they check?").fill("Is the share of trusts with a race equality lead right?");
  await page.getByLabel("Deadline").fill(deadlineIn(10));
  await page.getByRole("button", { name: "Send the fact-check request" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("“statistician@” is not an email address");
  await expect(page.locator("#emails-error")).toContainText("is not an email address");
  await expect(addresses).toHaveValue(`${expertEmail}\nstatistician@`);
  await expectAccessible(page);

  await addresses.fill(expertEmail);
  // Enter in the date field sends the form.
  await page.getByLabel("Deadline").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Fact-check request sent to 1 expert.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: expertEmail });
  await expect(row).toContainText("Waiting");

  // The expert: no staff session, only the link in their email.
  const link = await factCheckLinkFor(expertEmail);
  const expertContext = await browser.newContext({ javaScriptEnabled: false });
  const expert = await expertContext.newPage();
  const opened = await expert.goto(link);
  expect(opened?.headers()["cache-control"]).toBe("no-store");
  expect(opened?.headers()["x-robots-tag"]).toBe("noindex");
  expect(opened?.headers()["content-security-policy"]).toContain("default-src 'self'");
  await expect(expert.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(expert.getByText("41% of the trusts surveyed")).toBeVisible();
  await expect(expert.getByText("Is the share of trusts with a race equality lead right?")).toBeVisible();
  await expectAccessibleAsServed(expert);

  // By keyboard: "It needs corrections" with no comments is refused beside the field.
  await expert.getByLabel("Yes, it is accurate").focus();
  await expert.keyboard.press("ArrowDown");
  await expect(expert.getByLabel("It needs corrections")).toBeChecked();
  await expert.keyboard.press("Tab");
  await expect(expert.getByLabel("Your comments")).toBeFocused();
  await expert.keyboard.press("Tab");
  await expect(expert.getByRole("button", { name: "Send your answer" })).toBeFocused();
  await expert.keyboard.press("Enter");
  await expect(expert.locator(".nhsuk-error-summary")).toContainText("Say what needs correcting");
  await expect(expert).toHaveTitle(/^Error: /);
  await expectAccessibleAsServed(expert);
  await expect(expert.getByLabel("It needs corrections")).toBeChecked();
  await expert.getByLabel("Your comments").focus();
  await expert.keyboard.type(corrections);
  await expert.keyboard.press("Tab");
  await expert.keyboard.press("Enter");
  await expect(expert.getByRole("heading", { level: 1 })).toHaveText("Thank you for your answer");
  await expect(expert.getByText(corrections)).toBeVisible();
  await expectAccessibleAsServed(expert);

  // The author: by email, and on the item.
  const answered = await waitForMail(
    (m) => m.to.includes("author@observatory.test") && m.subject === `Fact check answered by ${expertEmail}: ${title}`,
  );
  expect(answered.text).toContain(corrections);
  await page.reload();
  await expect(row).toContainText("Answered");
  await expect(row).toContainText("It needs corrections");
  await expect(row).toContainText(corrections);
  await expectAccessible(page);

  // Published (the publish screens have their own journeys): the link now says the request has closed.
  await withDb(async (db) => {
    const item = await db.contentItem.findUniqueOrThrow({ where: { id: itemId } });
    const now = new Date();
    await db.contentItem.update({
      where: { id: itemId },
      data: { status: "PUBLISHED", liveRevisionId: item.latestRevisionId, liveSince: now, publishedAt: now },
    });
  });
  const closed = await expert.goto(link);
  expect(closed?.status()).toBe(410);
  await expect(expert.getByRole("heading", { level: 1 })).toHaveText("This fact-check request has closed");
  await expect(expert.getByText("The page has been published since the request was sent.")).toBeVisible();
  await expectAccessibleAsServed(expert);
  // An answer sent now (say, from a form left open) is refused with that page, keeping its text.
  const late = await expert.request.post(link, {
    form: { verdict: "ACCURATE", comments: "Sent after publication." },
    headers: { origin: urls.web },
    maxRedirects: 0,
  });
  expect(late.status()).toBe(410);
  const lateHtml = await late.text();
  expect(lateHtml).toContain("Your answer was not sent.");
  expect(lateHtml).toContain("Sent after publication.");
  await page.reload();
  await expect(page.getByText("Closed: the item has been published since it was sent")).toBeVisible();
  await expertContext.close();
});
