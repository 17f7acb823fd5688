import { createItem } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { waitForMail } from "../mail";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { removeItems, signInAs, typeBody } from "./staff-helpers";

// Publications with attachments (decision 029): an editor attaches a PDF and writes an HTML
// publication for a report; once it is published, a reader sees the documents listed as GOV.UK
// lists them, downloads the PDF, reads the HTML publication by its contents list, and asks for the
// PDF in an accessible format, which reaches the organisation's inbox by email.

const run = Date.now().toString(36);
const slug = `e2e-publication-${run}`;
const title = `Ethnicity data in maternity care ${run}`;
const pdfTitle = `Full report ${run}`;
let itemId = "";

/** A two-page PDF, written out by hand: the page count is read from the file. */
const twoPagePdf = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
    "4 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
    "trailer << /Root 1 0 R /Size 5 >>",
    "%%EOF",
    "",
  ].join("\n"),
);

test.beforeAll(async () => {
  itemId = await withDb(async (db) => {
    const authorId = await userIdOf(db, "editor@observatory.test");
    return (await createItem(db, { kind: "PUBLICATION", authorId, slug, pending: { title } })).id;
  });
});

test.afterAll(async () => {
  await removeItems([`${slug}%`]);
});

test("an editor attaches a PDF and an HTML publication; a reader downloads, reads and asks for another format", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "editor");
  await page.goto(`${urls.admin}/content/${itemId}`);
  await page.getByRole("link", { name: "Attachments and HTML publications" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Attachments");
  await expectAccessible(page);

  // A web page named .pdf is refused beside the field, and the title typed is kept.
  await page.getByLabel("Title", { exact: true }).fill(pdfTitle);
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<!DOCTYPE html><title>Not a PDF</title>"),
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("This file is not really a PDF");
  await expect(page.locator("#file-error")).toContainText("it contains a web page (HTML)");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(pdfTitle);

  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: twoPagePdf,
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status")).toHaveText("Attachment added to the draft.");
  await expect(page.getByRole("heading", { name: pdfTitle })).toBeVisible();
  await expect(page.getByText("PDF, 1 KB, 2 pages")).toBeVisible();

  // The HTML publication, written in the editor: its level 2 headings make its contents list.
  await page.getByRole("link", { name: "Add an HTML publication" }).click();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Title", { exact: true }).fill(`Summary of findings ${run}`);
  await page.getByLabel("Web address").fill("summary");
  await typeBody(page, "## What we found\nRecording was patchy.\n## What should change\nRecord it at booking.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save to the draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Attachment added to the draft.");
  await expect(page.getByRole("heading", { name: `Summary of findings ${run}` })).toBeVisible();

  // Publishing is covered by its own journeys: the draft goes live here directly.
  await withDb(async (db) => {
    const item = await db.contentItem.findUniqueOrThrow({ where: { id: itemId } });
    const now = new Date();
    await db.contentItem.update({
      where: { id: itemId },
      data: { status: "PUBLISHED", liveRevisionId: item.latestRevisionId, publishedAt: now, liveSince: now },
    });
  });

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${urls.web}/publications/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  const documents = reader.getByRole("region", { name: "Documents" });
  await expect(documents.getByRole("link", { name: pdfTitle, exact: true })).toBeVisible();
  await expect(documents).toContainText("PDF, 1 KB, 2 pages");
  await expect(documents).toContainText("This file may not be suitable for users of assistive technology.");
  await expectAccessible(reader);

  // The download: its type, a name from its title, never sniffed, cached for good.
  const href = (await documents.getByRole("link", { name: pdfTitle, exact: true }).getAttribute("href")) ?? "";
  const download = await reader.request.get(`${urls.web}${href}`);
  expect(download.status()).toBe(200);
  expect(download.headers()).toMatchObject({
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="full-report-${run}.pdf"`,
    "x-content-type-options": "nosniff",
    "cache-control": "public, max-age=31536000, immutable",
  });
  expect(Buffer.from(await download.body()).equals(twoPagePdf)).toBe(true);
  const [saved] = await Promise.all([
    reader.waitForEvent("download"),
    documents.getByRole("link", { name: pdfTitle, exact: true }).click(),
  ]);
  expect(saved.suggestedFilename()).toBe(`full-report-${run}.pdf`);

  // The HTML publication, by its contents list.
  await documents.getByRole("link", { name: `Summary of findings ${run}` }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Summary of findings ${run}`);
  const contents = reader.getByRole("navigation", { name: "Contents" });
  await expect(contents.getByRole("link")).toHaveText(["What we found", "What should change"]);
  await expect(reader.getByRole("link", { name: "Print this page" })).toBeVisible();
  await expectAccessible(reader);
  await contents.getByRole("link", { name: "What should change" }).click();
  await expect(reader).toHaveURL(/#what-should-change$/);

  // Asking for the PDF in another format: refused without an address, then sent.
  await reader.goto(`${urls.web}/publications/${slug}`);
  await documents.getByRole("link", { name: /Request an accessible format/ }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Request an accessible format");
  await expectAccessible(reader);
  await reader.getByRole("button", { name: "Send request" }).click();
  await expect(reader.locator(".nhsuk-error-summary")).toContainText("Enter your email address");
  await reader.getByLabel("Your email address").fill(`reader-${run}@example.org`);
  await reader.getByLabel("What format do you need?").fill("Large print, 18 point");
  await reader.getByRole("button", { name: "Send request" }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Your request has been sent");
  await expectAccessible(reader);

  const inbox = await withDb(async (db) => {
    const row = await db.setting.findUnique({ where: { key: "organisation.details" } });
    const details = (row?.value ?? {}) as { accessibleFormatsEmail?: string; accessibilityEmail?: string };
    return details.accessibleFormatsEmail || details.accessibilityEmail || "";
  });
  const mail = await waitForMail((m) => m.subject === `Accessible format request: ${pdfTitle}`);
  expect(mail.to).toContain(inbox);
  expect(mail.text).toContain(`Publication: ${title}`);
  expect(mail.text).toContain("The format they need: Large print, 18 point");
  expect(mail.text).toContain(`Their email address: reader-${run}@example.org`);
});
