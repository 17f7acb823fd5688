import { deflateRawSync } from "node:zlib";
import type { UserModel as User } from "@observatory/db";
import { bodyOf } from "@observatory/db/testing";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";
import { readAttachmentFile } from "./public.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

// ---------------------------------------------------------------------------------------------
// Files made in the test

async function pdfWithPages(pages: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) document.addPage();
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A PDF whose page tree claims far more pages than it has. */
async function pdfClaimingPages(claimed: number): Promise<Buffer> {
  const text = (await pdfWithPages(1)).toString("latin1");
  return Buffer.from(text.replace("/Count 1", `/Count ${claimed}`), "latin1");
}

const crc32 = (bytes: Buffer) => {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
};

type ZipPart = { name: string; data: Buffer; stored?: boolean; declaredSize?: number };

/** A zip written by hand, so a test can declare sizes that are not true (a zip bomb's). */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = part.stored ? part.data : deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(part.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const docx = (document = Buffer.from("<w:document/>"), declaredSize?: number) =>
  zip([
    { name: "[Content_Types].xml", data: Buffer.from(contentTypes) },
    { name: "word/document.xml", data: document, ...(declaredSize ? { declaredSize } : {}) },
  ]);
const openDocument = (mimetype: string) =>
  zip([
    { name: "mimetype", data: Buffer.from(mimetype), stored: true },
    { name: "content.xml", data: Buffer.from("<office:document-content/>") },
  ]);

const base64 = (bytes: Buffer) => bytes.toString("base64");
const heading = (text: string) => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

// ---------------------------------------------------------------------------------------------

describe("publications' attachments", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let otherAuthor: Caller;
  let editor: Caller;
  let moderator: Caller;

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    otherAuthor = await h.as("AUTHOR");
    editor = await h.as("EDITOR");
    moderator = await h.as("MODERATOR");
  });

  const newPublication = (title: string, api = author.api) =>
    api.editorial.create({
      title,
      summary: `About ${title}`,
      body: bodyOf(`${title}\n\nIts body.`),
      kind: "PUBLICATION",
    });

  const attach = (itemId: string, title: string, bytes: Buffer, fileName: string, api = author.api) =>
    api.publications.addFile({ itemId, title, fileName, contentBase64: base64(bytes), isAccessible: false });

  async function publish(itemId: string) {
    const item = await h.db.contentItem.findUniqueOrThrow({ where: { id: itemId } });
    const revisionId = item.latestRevisionId ?? "";
    await editor.editorial.submit({ itemId, revisionId });
    const submitted = await h.db.contentItem.findUniqueOrThrow({ where: { id: itemId } });
    if (submitted.status === "IN_REVIEW") await editor.editorial.approve({ itemId, revisionId });
    // A change to what readers have seen is announced as major (decision 030); a first publication asks nothing.
    await editor.editorial.publishNow({
      itemId,
      revisionId,
      changeKind: "major",
      changeNote: "The documents changed.",
    });
  }

  const publicAttachments = async (slug: string) => {
    const result = await (await h.anonymous()).content.article({ section: "publications", slug });
    return result.kind === "item" ? result.attachments : [];
  };

  describe("the checks on the file's bytes", () => {
    let itemId: string;
    beforeAll(async () => {
      itemId = (await newPublication("Checks on files")).itemId;
    });

    const refusedFor = async (bytes: Buffer, fileName: string) => {
      const refused = await refusal(attach(itemId, "A document", bytes, fileName));
      expect(refused.code).toBe("BAD_REQUEST");
      return refused.form?.fieldErrors.file ?? "";
    };

    it("counts a valid PDF's pages from the file", async () => {
      await attach(itemId, "Seven pages", await pdfWithPages(7), "seven.pdf");
      const row = await h.db.attachment.findFirstOrThrow({ where: { title: "Seven pages" } });
      expect(row).toMatchObject({ format: "PDF", pageCount: 7, byteSize: (await pdfWithPages(7)).length });
    });

    it("refuses a 'PDF' that is really a web page, in plain words", async () => {
      const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
      expect(await refusedFor(html, "report.pdf")).toBe(
        "This file is not really a PDF: it contains a web page (HTML). Upload a PDF, CSV, ODS, ODT or Word (DOCX) file.",
      );
    });

    it("refuses a PDF whose page tree claims a huge count, quickly and without walking it", async () => {
      const started = Date.now();
      expect(await refusedFor(await pdfClaimingPages(2_000_000_000), "huge.pdf")).toMatch(
        /list of pages is damaged \(it claims 2,000,000,000 pages but has 1\)/,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it("refuses a zip bomb DOCX from the sizes it declares, without unpacking it", async () => {
      // 40 GB declared for a part of a few bytes: unpacking it would never finish.
      const bomb = docx(Buffer.from("<w:document/>"), 0xffff_fff0);
      const started = Date.now();
      expect(await refusedFor(bomb, "report.docx")).toMatch(/unpacks to far more than its size/);
      expect(Date.now() - started).toBeLessThan(2000);
      // The same by ratio: a megabyte of zeros packs into about a kilobyte.
      expect(await refusedFor(docx(Buffer.alloc(1024 * 1024)), "zeros.docx")).toMatch(/unpacks to far more/);
    });

    it("accepts ODS, ODT, DOCX and CSV by their contents, whatever their names", async () => {
      await attach(itemId, "Spreadsheet", openDocument("application/vnd.oasis.opendocument.spreadsheet"), "data.bin");
      await attach(itemId, "Text", openDocument("application/vnd.oasis.opendocument.text"), "text.odt");
      await attach(itemId, "Word", docx(), "word.docx");
      await attach(itemId, "Figures", Buffer.from("region,rate\nNorth,12.5\nSouth,9.1\n"), "figures.csv");
      const rows = await h.db.attachment.findMany({
        where: { title: { in: ["Spreadsheet", "Text", "Word", "Figures"] } },
        orderBy: { position: "asc" },
      });
      expect(rows.map((r) => [r.title, r.format, r.pageCount])).toEqual([
        ["Spreadsheet", "ODS", null],
        ["Text", "ODT", null],
        ["Word", "DOCX", null],
        ["Figures", "CSV", null],
      ]);
    });

    it("refuses other zips and binary files, and keeps nothing of a refused file", async () => {
      const before = await h.db.attachment.count();
      expect(await refusedFor(zip([{ name: "a.txt", data: Buffer.from("hello") }]), "a.docx")).toMatch(
        /cannot be attached/,
      );
      expect(await refusedFor(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), "chart.pdf")).toMatch(
        /not really a PDF/,
      );
      expect(await h.db.attachment.count()).toBe(before);
    });
  });

  describe("who may change attachments", () => {
    it("lets the author and editors change a publication, and nobody else", async () => {
      const { itemId } = await newPublication("Who may attach");
      const pdf = await pdfWithPages(1);
      const byOther = await refusal(attach(itemId, "Theirs", pdf, "a.pdf", otherAuthor));
      expect(byOther.code).toBe("FORBIDDEN");
      const byModerator = await refusal(attach(itemId, "Theirs", pdf, "a.pdf", moderator));
      expect(byModerator.code).toBe("FORBIDDEN");
      const { originId } = await attach(itemId, "The author's", pdf, "a.pdf");
      const removedByOther = await refusal(otherAuthor.publications.remove({ itemId, originId }));
      expect(removedByOther.code).toBe("FORBIDDEN");
      await editor.publications.update({ itemId, originId, title: "Checked by an editor", isAccessible: true });
      expect(await h.db.attachment.findMany({ where: { originId } })).toMatchObject([
        { title: "Checked by an editor", isAccessible: true },
      ]);
      const audit = await h.db.auditEvent.findMany({ where: { targetId: itemId }, orderBy: { createdAt: "asc" } });
      expect(audit.map((a) => a.summary)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Attached "The author's" \(PDF, \d+ KB, 1 pages\)$/),
          'Changed attachment "Checked by an editor": meets accessibility requirements',
        ]),
      );
    });

    it("attaches only to publications", async () => {
      const news = await author.api.editorial.create({ title: "A news item", body: bodyOf("News"), kind: "NEWS" });
      const refused = await refusal(attach(news.itemId, "A file", await pdfWithPages(1), "a.pdf"));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(await h.db.attachment.count({ where: { revision: { itemId: news.itemId } } })).toBe(0);
    });
  });

  describe("versions", () => {
    it("keeps the live page's attachments until the draft that changes them is published", async () => {
      const created = await newPublication("A report in two versions");
      const pdf = await pdfWithPages(3);
      const { originId } = await attach(created.itemId, "Full report", pdf, "report.pdf");
      await attach(created.itemId, "Data tables", Buffer.from("a,b\n1,2\n"), "tables.csv");
      await publish(created.itemId);
      expect((await publicAttachments(created.slug)).map((a) => [a.title, a.formatLabel, a.pageCount])).toEqual([
        ["Full report", "PDF", 3],
        ["Data tables", "CSV", null],
      ]);

      // Removing one from the live item makes a new draft; the public still sees both.
      const removed = await author.api.publications.remove({ itemId: created.itemId, originId });
      expect(removed.revisionId).not.toBe(created.revisionId);
      expect((await publicAttachments(created.slug)).map((a) => a.title)).toEqual(["Full report", "Data tables"]);
      const item = await h.db.contentItem.findUniqueOrThrow({ where: { id: created.itemId } });
      expect(item).toMatchObject({ status: "DRAFT", latestRevisionId: removed.revisionId });

      // A text edit of the draft carries its attachments forward.
      const saved = await author.api.editorial.save({
        itemId: created.itemId,
        baseRevisionId: removed.revisionId,
        title: "A report in two versions",
        body: bodyOf("A new introduction."),
        kind: "PUBLICATION",
      });
      expect((await h.db.attachment.findMany({ where: { revisionId: saved.revisionId } })).map((a) => a.title)).toEqual(
        ["Data tables"],
      );

      // The file stays downloadable while a public revision lists it, and only then.
      const key = (await h.db.attachment.findFirstOrThrow({ where: { originId } })).storageKey ?? "";
      expect((await readAttachmentFile(h.db, key))?.downloadName).toBe("full-report.pdf");
      await publish(created.itemId);
      expect((await publicAttachments(created.slug)).map((a) => a.title)).toEqual(["Data tables"]);
      expect(await readAttachmentFile(h.db, key)).toBeNull();
      expect((await readAttachmentFile(h.db, key, { anyRevision: true }))?.mimeType).toBe("application/pdf");
    });
  });

  describe("HTML publications and search", () => {
    it("serves an HTML publication with a contents list from its headings, and search finds its words", async () => {
      const created = await newPublication("Maternity evidence");
      await author.api.publications.saveHtml({
        itemId: created.itemId,
        title: "Maternity evidence: full text",
        slug: "full-text",
        body: {
          type: "doc",
          content: [
            heading("Summary"),
            paragraph("The quindecagon finding."),
            heading("Methods"),
            paragraph("How we did it."),
            heading("Summary"),
            paragraph("Again."),
          ],
        },
      });
      await attach(created.itemId, "Appendix of xylophonic tables", Buffer.from("a\n1\n"), "appendix.csv");
      await publish(created.itemId);

      const page = await (await h.anonymous()).publications.htmlPublication({
        itemSlug: created.slug,
        slug: "full-text",
      });
      expect(page.contents).toEqual([
        { id: "summary", text: "Summary", level: 2 },
        { id: "methods", text: "Methods", level: 2 },
        { id: "summary-2", text: "Summary", level: 2 },
      ]);
      expect(page.bodyHtml).toContain('<h2 id="methods">Methods</h2>');
      const [listed] = await publicAttachments(created.slug);
      expect(listed).toMatchObject({
        href: `/publications/${created.slug}/full-text`,
        isHtml: true,
        isAccessible: true,
      });

      for (const q of ["quindecagon", "xylophonic"]) {
        const found = await (await h.anonymous()).content.search({ q, kinds: ["publications"] });
        expect(
          found.hits.map((hit) => hit.id),
          q,
        ).toContain(created.itemId);
      }
    });
  });

  describe("requests for an accessible format", () => {
    it("mails the configured inbox naming the publication and the document, and limits how often", async () => {
      await h.db.setting.upsert({
        where: { key: "organisation.details" },
        create: {
          key: "organisation.details",
          value: { accessibilityEmail: "access@example.org", accessibleFormatsEmail: "formats@example.org" },
        },
        update: { value: { accessibilityEmail: "access@example.org", accessibleFormatsEmail: "formats@example.org" } },
      });
      const created = await newPublication("Workforce race equality report");
      const { originId } = await attach(created.itemId, "Technical annex", await pdfWithPages(2), "annex.pdf");
      await publish(created.itemId);
      const reader = await h.anonymous("203.0.113.7");
      const request = { itemSlug: created.slug, originId, email: "reader@example.com", format: "Large print, 18pt" };
      await reader.publications.requestFormat(request);
      const [mail] = await h.db.emailMessage.findMany({ where: { to: "formats@example.org" } });
      expect(mail?.subject).toBe("Accessible format request: Technical annex");
      expect(mail?.text).toContain("Publication: Workforce race equality report");
      expect(mail?.text).toContain("The format they need: Large print, 18pt");
      expect(mail?.headers).toEqual({ "Reply-To": "reader@example.com" });

      const invalid = await refusal(reader.publications.requestFormat({ ...request, email: "not an email" }));
      expect(invalid.form?.fieldErrors.email).toBe(
        "Enter an email address in the correct format, like name@example.com",
      );
      for (let i = 0; i < 4; i += 1) await reader.publications.requestFormat(request);
      const limited = await refusal(reader.publications.requestFormat(request));
      expect(limited.code).toBe("TOO_MANY_REQUESTS");
      expect(await h.db.emailMessage.count({ where: { to: "formats@example.org" } })).toBe(5);
    });
  });
});
