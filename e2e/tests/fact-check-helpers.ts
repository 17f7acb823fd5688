import type { Page } from "@playwright/test";
import { expect } from "../fixtures";
import { linkIn, waitForMail } from "../mail";
import { urls } from "../playwright.config";

// Fact checks by outside experts (decision 028): sending a request from the item's page as a
// signed-in member of staff, and the links the experts are mailed.

/** A deadline `days` from today, as the date input takes it. */
export const deadlineIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Sends a fact-check request for the item's latest revision through its fact-check page. */
export async function sendFactCheckRequest(page: Page, itemId: string, emails: string[]): Promise<void> {
  await page.goto(`${urls.admin}/content/${itemId}/fact-checks`);
  await page.getByLabel("Email addresses of the experts").fill(emails.join("\n"));
  await page.getByLabel("What should they check?").fill("Please check the figures in the second paragraph.");
  await page.getByLabel("Deadline").fill(deadlineIn(7));
  await page.getByRole("button", { name: "Send the fact-check request" }).click();
  await expect(page.getByText(/^Fact-check request sent to/)).toBeVisible();
}

/** The link in the fact-check request mailed to `email`. */
export async function factCheckLinkFor(email: string): Promise<string> {
  const mail = await waitForMail((m) => m.to.includes(email) && m.subject.startsWith("Fact check request from"));
  return linkIn(mail, `${urls.web}/fact-check/`);
}
