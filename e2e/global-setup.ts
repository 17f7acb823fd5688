// Runs once before the suite: a real SMTP server the apps under test send their mail to. What it
// receives is kept in a JSON file the tests read (they run in other processes).
import fs from "node:fs";
import path from "node:path";
import { type CapturedMail, startSmtpCapture } from "@observatory/api/testing";
import { mailFile, smtpPort } from "./playwright.config";

export default async function globalSetup(): Promise<() => Promise<void>> {
  fs.mkdirSync(path.dirname(mailFile), { recursive: true });
  const received: CapturedMail[] = [];
  fs.writeFileSync(mailFile, "[]");
  const capture = await startSmtpCapture({
    port: smtpPort,
    onMail: (mail) => {
      received.push(mail);
      fs.writeFileSync(`${mailFile}.tmp`, JSON.stringify(received, null, 2));
      fs.renameSync(`${mailFile}.tmp`, mailFile);
    },
  });
  return () => capture.close();
}
