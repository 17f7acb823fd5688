import { documentSchema, pressReleaseOnlyBlocks } from "./extensions.ts";
import { ITEM_ID, isSafeHref } from "./links.ts";
import { type BodyDocument, type DocumentNode, walk } from "./types.ts";

// The server's check of a body before it is saved: only the blocks and marks in `documentSchema`,
// in the places the schema allows them, with attribute values that make sense. What is returned is
// the document as the schema rebuilds it (unknown attributes dropped), never the input itself.

/** A body larger than this (as JSON) is refused: about 150 pages of text. */
export const MAX_DOCUMENT_BYTES = 1_000_000;

const MEDIA_ID = /^[a-z0-9]{20,40}$/;

export type ParsedDocument = { ok: true; document: BodyDocument } | { ok: false; message: string };

const unreadable = "The body could not be read. Copy your text somewhere safe, reload the page and try again.";

export function parseDocument(value: unknown, options: { kind?: string } = {}): ParsedDocument {
  if (typeof value !== "object" || value === null || (value as { type?: unknown }).type !== "doc") {
    return { ok: false, message: unreadable };
  }
  if (JSON.stringify(value).length > MAX_DOCUMENT_BYTES) {
    return { ok: false, message: "The body is too long. Split it into more than one item." };
  }
  let document: BodyDocument;
  try {
    const node = documentSchema.nodeFromJSON(value);
    node.check();
    document = node.toJSON() as BodyDocument;
  } catch {
    return { ok: false, message: unreadable };
  }
  let problem: string | null = null;
  walk(document, (node) => {
    problem ??= attributeProblem(node, options.kind);
  });
  return problem ? { ok: false, message: problem } : { ok: true, document };
}

function attributeProblem(node: DocumentNode, kind: string | undefined): string | null {
  const attrs = node.attrs ?? {};
  if (kind && kind !== "PRESS_RELEASE" && (pressReleaseOnlyBlocks as readonly string[]).includes(node.type)) {
    return "Notes to editors and a press contact belong only in press releases. Remove them, or change the kind to press release.";
  }
  switch (node.type) {
    case "image":
      if (typeof attrs.mediaId !== "string" || !MEDIA_ID.test(attrs.mediaId)) return unreadable;
      if (typeof attrs.alt !== "string" || attrs.alt.length > 1000)
        return "Alt text must be 1,000 characters or fewer.";
      if (/[\r\n]/.test(attrs.alt)) return "Alt text cannot contain line breaks.";
      if (typeof attrs.caption !== "string" || attrs.caption.length > 1000)
        return "A caption must be 1,000 characters or fewer.";
      return null;
    case "heading":
      return [2, 3, 4].includes(attrs.level as number)
        ? null
        : "Headings in the body are level 2, 3 or 4: the title is the page's only level 1 heading.";
    case "orderedList":
      return Number.isInteger(attrs.start) && (attrs.start as number) >= 0 ? null : unreadable;
    case "tableCell":
    case "tableHeader":
      for (const span of [attrs.colspan, attrs.rowspan]) {
        if (!Number.isInteger(span) || (span as number) < 1 || (span as number) > 50) return unreadable;
      }
      return null;
    case "doDontList":
      return attrs.kind === "do" || attrs.kind === "dont" ? null : unreadable;
    case "text":
      for (const mark of node.marks ?? []) {
        if (mark.type !== "link") continue;
        const { href, itemId } = mark.attrs ?? {};
        if (itemId != null && (typeof itemId !== "string" || !ITEM_ID.test(itemId))) return unreadable;
        if (itemId == null && (typeof href !== "string" || !isSafeHref(href))) {
          return `The link "${String(href ?? "").slice(0, 80)}" is not a web address. Links start with https://, mailto: or /.`;
        }
      }
      return null;
    default:
      return null;
  }
}
