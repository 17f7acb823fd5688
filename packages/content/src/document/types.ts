/** A body as stored: ProseMirror's JSON form of a document in `documentSchema`. */
/** Attribute values are plain JSON: text, numbers, yes/no, nothing, or a list of numbers (column widths). */
export type AttributeValue = string | number | boolean | null | number[];
export type DocumentMark = { type: string; attrs?: Record<string, AttributeValue> };
export type DocumentNode = {
  type: string;
  attrs?: Record<string, AttributeValue>;
  content?: DocumentNode[];
  marks?: DocumentMark[];
  text?: string;
};
export type BodyDocument = DocumentNode & { type: "doc" };

/** A body with nothing in it. */
export const emptyDocument: BodyDocument = { type: "doc", content: [{ type: "paragraph" }] };

/** Calls `visit` on every node, parents before children. */
export function walk(
  node: DocumentNode,
  visit: (node: DocumentNode, parent: DocumentNode | null) => void,
  parent: DocumentNode | null = null,
): void {
  visit(node, parent);
  for (const child of node.content ?? []) walk(child, visit, node);
}

/** The text of a node and everything in it, joined without separators (for one line: a heading, a link). */
export function inlineText(node: DocumentNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(inlineText).join("");
}
