import fs from "node:fs";
import type { CapturedMail } from "@observatory/api/testing";
import { expect } from "@playwright/test";
import { mailFile } from "./playwright.config";

/** The first email the apps sent (through the suite's SMTP server) that `match` accepts; waits for it to arrive. */
export async function waitForMail(match: (mail: CapturedMail) => boolean, timeout = 15_000): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(
      () => {
        const received: CapturedMail[] = fs.existsSync(mailFile) ? JSON.parse(fs.readFileSync(mailFile, "utf8")) : [];
        found = received.find(match);
        return Boolean(found);
      },
      { timeout, message: "the email did not arrive" },
    )
    .toBe(true);
  if (!found) throw new Error("the email did not arrive");
  return found;
}

/** The first link in an email's text that starts with `prefix`. */
export function linkIn(mail: CapturedMail, prefix: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`no link starting ${prefix} in "${mail.subject}"`);
  return link;
}
