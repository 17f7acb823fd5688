import { type BodyDocument, type DocumentNode, inlineText, walk } from "./types.ts";

// A long document's contents list (an HTML publication's): each heading gets an id made from its
// words, unique in the document, which the renderer writes on the heading and the list links to.

export type ContentsEntry = { id: string; text: string; level: number };

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "") || "section";

/** Every heading with words, in document order, with its id. */
export function headingAnchors(document: BodyDocument): Map<DocumentNode, ContentsEntry> {
  const anchors = new Map<DocumentNode, ContentsEntry>();
  const used = new Set<string>();
  walk(document, (node) => {
    if (node.type !== "heading") return;
    const text = inlineText(node).replace(/\s+/g, " ").trim();
    if (!text) return;
    const base = slug(text);
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    anchors.set(node, { id, text, level: Number(node.attrs?.level ?? 2) });
  });
  return anchors;
}

/** The contents list: the document's second-level headings. */
export function contentsOf(document: BodyDocument): ContentsEntry[] {
  return [...headingAnchors(document).values()].filter((entry) => entry.level === 2);
}
