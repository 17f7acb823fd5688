import { fixedHeadings } from "./headings.ts";
import { type BodyDocument, type DocumentNode, inlineText } from "./types.ts";

/**
 * A body's reader text, one block to a line: what search indexes and quotes, and what feeds and
 * page descriptions summarise. No markup and no addresses, only words a reader sees.
 */
export function documentText(document: BodyDocument): string {
  const lines: string[] = [];
  const visit = (node: DocumentNode) => {
    if (
      node.type === "paragraph" ||
      node.type === "heading" ||
      node.type === "calloutHeading" ||
      node.type === "detailsSummary"
    ) {
      const text = inlineText(node).replace(/\s+/g, " ").trim();
      if (text) lines.push(text);
      return;
    }
    if (node.type === "image") {
      const caption = String(node.attrs?.caption ?? "").trim();
      if (caption) lines.push(caption);
      return;
    }
    if (node.type === "notesToEditors" || node.type === "pressContact") lines.push(fixedHeadings[node.type].text);
    for (const child of node.content ?? []) visit(child);
  };
  visit(document);
  return lines.join("\n");
}
