import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from "pdf-lib";
import yauzl from "yauzl";

// What an attachment is, read from its bytes, never from its name or the browser's claim (decision
// 029). Each check is bounded: a crafted file costs at most its own size in parsing, never a walk
// or a decompression it chooses.

export type FileFormat = "PDF" | "CSV" | "ODS" | "DOCX" | "ODT";

export const fileFormats: Record<FileFormat, { mimeType: string; ext: string; label: string }> = {
  PDF: { mimeType: "application/pdf", ext: "pdf", label: "PDF" },
  CSV: { mimeType: "text/csv; charset=utf-8", ext: "csv", label: "CSV" },
  ODS: { mimeType: "application/vnd.oasis.opendocument.spreadsheet", ext: "ods", label: "ODS" },
  DOCX: {
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: "docx",
    label: "MS Word Document",
  },
  ODT: { mimeType: "application/vnd.oasis.opendocument.text", ext: "odt", label: "ODT" },
};

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** The most a zip container may hold once unpacked, in all and as a multiple of its packed size. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_PACKING_RATIO = 100;
const MAX_ZIP_ENTRIES = 5000;
/** The most pages (and page-tree nodes) a PDF may have: a walk past this is refused, not finished. */
export const MAX_PDF_PAGES = 10_000;
/** The part of a zip read to tell its format: `mimetype` and `[Content_Types].xml` are small. */
const MAX_MANIFEST_BYTES = 256 * 1024;

export type CheckedFile = { format: FileFormat; pageCount: number | null };

/** A file refused, with the reason in plain words for the person who chose it. */
export class FileRefusal extends Error {
  override name = "FileRefusal";
}

const accepted = "Upload a PDF, CSV, ODS, ODT or Word (DOCX) file";

const startsWith = (bytes: Uint8Array, text: string) =>
  bytes.length >= text.length && [...text].every((c, i) => bytes[i] === c.charCodeAt(0));

/** What the name claims, to word a refusal ("This is not really a PDF"), never to decide. */
function claimedFormat(fileName: string): FileFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (Object.keys(fileFormats) as FileFormat[]).find((f) => fileFormats[f].ext === ext) ?? null;
}

function looksLikeMarkup(text: string): boolean {
  return /^\s*</.test(text);
}

/** Checks an uploaded file and tells what it is; throws a FileRefusal saying why it cannot be used. */
export async function checkAttachmentFile(bytes: Uint8Array, fileName: string): Promise<CheckedFile> {
  if (bytes.length === 0) throw new FileRefusal("The selected file is empty");
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new FileRefusal("The file must be 20 MB or smaller");
  const claimed = claimedFormat(fileName);
  if (startsWith(bytes, "%PDF-")) return { format: "PDF", pageCount: await pdfPageCount(bytes) };
  if (startsWith(bytes, "PK\x03\x04")) return { format: await zipFormat(Buffer.from(bytes)), pageCount: null };
  const text = utf8Text(bytes);
  if (text !== null && looksLikeMarkup(text)) {
    const what = claimed ? `really a ${fileFormats[claimed].ext.toUpperCase()}` : "a document we accept";
    throw new FileRefusal(`This file is not ${what}: it contains a web page (HTML). ${accepted}.`);
  }
  if (text !== null) return { format: "CSV", pageCount: null };
  if (claimed) {
    throw new FileRefusal(`This file is not really a ${fileFormats[claimed].ext.toUpperCase()}. ${accepted}.`);
  }
  throw new FileRefusal(`This type of file cannot be attached. ${accepted}.`);
}

/** The file as text when it is UTF-8 with no control characters but tabs and line ends (a CSV), else null. */
function utf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
}

// ---------------------------------------------------------------------------------------------
// PDF

/**
 * The number of pages, counted by walking the page tree once: each node visited at most once (a
 * tree that loops or shares a branch is refused), the walk stopped past MAX_PDF_PAGES, and the
 * tree's claimed /Count believed only when the walk agrees with it.
 */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    throw new FileRefusal("The PDF could not be read: it may be damaged. Save it again as a PDF and upload that");
  }
  const damaged = (why: string) =>
    new FileRefusal(`The PDF's list of pages is damaged (${why}). Save it again as a PDF and upload that`);
  const context = document.context;
  const rootRef = document.catalog.get(PDFName.of("Pages"));
  const root = context.lookup(rootRef);
  if (!(root instanceof PDFDict)) throw damaged("it has no pages");
  const seen = new Set<PDFDict>();
  let pages = 0;
  const stack: PDFDict[] = [root];
  while (stack.length) {
    const node = stack.pop() as PDFDict;
    if (seen.has(node)) throw damaged("a page is listed twice");
    seen.add(node);
    if (seen.size > MAX_PDF_PAGES * 2) throw damaged(`more than ${MAX_PDF_PAGES.toLocaleString("en-GB")} pages`);
    const type = node.get(PDFName.of("Type"));
    if (type === PDFName.of("Page")) {
      pages += 1;
      continue;
    }
    const kids = context.lookup(node.get(PDFName.of("Kids")));
    if (!(kids instanceof PDFArray)) throw damaged("a branch has no pages");
    for (let i = kids.size() - 1; i >= 0; i -= 1) {
      const kid = kids.get(i);
      const child = context.lookup(kid);
      if (!(child instanceof PDFDict)) throw damaged("a page is missing");
      stack.push(child);
    }
  }
  if (pages > MAX_PDF_PAGES) throw damaged(`more than ${MAX_PDF_PAGES.toLocaleString("en-GB")} pages`);
  const claimed = context.lookup(root.get(PDFName.of("Count")));
  if (claimed instanceof PDFNumber && claimed.asNumber() !== pages) {
    throw damaged(
      `it claims ${claimed.asNumber().toLocaleString("en-GB")} pages but has ${pages.toLocaleString("en-GB")}`,
    );
  }
  if (pages === 0) throw damaged("it has no pages");
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Zip containers: ODS, ODT (OpenDocument) and DOCX (Office Open XML)

type ZipEntry = { fileName: string; compressedSize: number; uncompressedSize: number; entry: yauzl.Entry };

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(error) : resolve(zip),
    ),
  );
}

/** The central directory's entries, with the sizes they declare: nothing is unpacked to read them. */
function listEntries(zip: yauzl.ZipFile): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: ZipEntry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push({
        fileName: entry.fileName,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        entry,
      });
      if (entries.length > MAX_ZIP_ENTRIES) reject(new FileRefusal("The file holds too many parts to be a document"));
      else zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** One small entry's bytes; its declared size is checked first, and yauzl stops a stream that lies about it. */
function readEntry(zip: yauzl.ZipFile, entry: ZipEntry): Promise<string> {
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES) {
    return Promise.reject(new FileRefusal("The file's description of its contents is too large"));
  }
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry.entry, (error, stream) => {
      if (error || !stream) return reject(error);
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      stream.on("error", reject);
    });
  });
}

const odfTypes: Record<string, FileFormat> = {
  "application/vnd.oasis.opendocument.spreadsheet": "ODS",
  "application/vnd.oasis.opendocument.text": "ODT",
};
const docxMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/** The format of a zip container, from its `mimetype` entry (OpenDocument) or `[Content_Types].xml` (DOCX). */
async function zipFormat(buffer: Buffer): Promise<FileFormat> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    throw new FileRefusal("The file could not be read: it may be damaged. Save it again and upload that");
  }
  try {
    const entries = await listEntries(zip);
    const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    const packed = entries.reduce((sum, e) => sum + e.compressedSize, 0);
    // A zip bomb is refused from what it declares: nothing has been unpacked to learn this.
    if (unpacked > MAX_UNPACKED_BYTES || unpacked > Math.max(packed, 1) * MAX_PACKING_RATIO) {
      throw new FileRefusal(
        "The file unpacks to far more than its size, which documents do not: it cannot be attached. Save it again and upload that",
      );
    }
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const mimetype = byName.get("mimetype");
    if (mimetype) {
      const format = odfTypes[(await readEntry(zip, mimetype)).trim()];
      if (format) return format;
    }
    const contentTypes = byName.get("[Content_Types].xml");
    if (contentTypes && byName.has("word/document.xml") && (await readEntry(zip, contentTypes)).includes(docxMain)) {
      return "DOCX";
    }
    throw new FileRefusal(`This type of file cannot be attached. ${accepted}.`);
  } catch (error) {
    if (error instanceof FileRefusal) throw error;
    throw new FileRefusal("The file could not be read: it may be damaged. Save it again and upload that");
  } finally {
    zip.close();
  }
}
