// What is pasted from Word, Google Docs or a web page, made ready for the editor: the structure
// (headings, lists, links, tables) stays; styles, classes, fonts, scripts and the office programs'
// own markup go. The editor's schema then keeps only the blocks and marks a body may hold, so this
// only has to turn what those programs write into plain HTML the schema understands.

const dropped = "script, style, meta, link, title, xml, colgroup, col";

/**
 * Cleans pasted HTML: `parse` reads it into a document (the browser's DOMParser, or the server's).
 * Style sheets are cut and style attributes renamed before it is parsed, so that a page whose
 * content security policy forbids inline styles reports nothing while it is read.
 */
export function cleanPastedHtml(html: string, parse: (html: string) => Document): string {
  const inert = html
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, "")
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\sstyle\s*=/gi, " data-pasted-style="));
  const document = parse(inert);
  cleanPastedDom(document.body);
  return document.body.innerHTML;
}

/** Cleans pasted HTML in place, in the document it was parsed into. */
function cleanPastedDom(root: ParentNode & { ownerDocument: Document | null }): void {
  for (const element of Array.from(root.querySelectorAll(dropped))) element.remove();
  // Office's own elements (<o:p>, <w:sdt>) hold nothing a reader needs but may wrap text: unwrap them.
  for (const element of Array.from(root.querySelectorAll("*"))) {
    if (element.tagName.includes(":")) element.replaceWith(...Array.from(element.childNodes));
  }
  removeComments(root);
  wordListsToLists(root);
  stylesToElements(root);
  for (const element of Array.from(root.querySelectorAll("*"))) {
    for (const name of element.getAttributeNames()) {
      if (!keptAttributes.has(name) && !(name === "class" && keptClass(element))) element.removeAttribute(name);
    }
  }
}

/** Attributes the editor reads back (links, spans of table cells, its own blocks' data). */
const keptAttributes = new Set([
  "href",
  "colspan",
  "rowspan",
  "start",
  "alt",
  "data-item-id",
  "data-media-id",
  "data-decorative",
  "data-caption",
  "data-kind",
  "data-type",
]);

/**
 * Google Docs writes bold and italic as styles on spans (and wraps a whole copy in a <b> styled not
 * bold): those become <strong> and <em>, before every style is dropped.
 */
function stylesToElements(root: ParentNode & { ownerDocument: Document | null }): void {
  const doc = root.ownerDocument;
  if (!doc) return;
  for (const element of Array.from(root.querySelectorAll("[data-pasted-style]"))) {
    const style = (element.getAttribute("data-pasted-style") ?? "").toLowerCase();
    const weight = /font-weight:\s*([a-z0-9]+)/.exec(style)?.[1];
    const bold = weight !== undefined && (weight === "bold" || weight === "bolder" || Number(weight) >= 600);
    const italic = /font-style:\s*italic/.test(style);
    if ((element.tagName === "B" || element.tagName === "STRONG") && weight !== undefined && !bold) {
      element.replaceWith(...Array.from(element.childNodes));
      continue;
    }
    if (/^H[1-6]$|^T[DH]$|^LI$/.test(element.tagName)) continue; // headings are bold already
    for (const [wanted, tag] of [
      [italic, "em"],
      [bold, "strong"],
    ] as const) {
      if (!wanted) continue;
      const wrapper = doc.createElement(tag);
      while (element.firstChild) wrapper.appendChild(element.firstChild);
      element.appendChild(wrapper);
    }
  }
}

/** The editor's own blocks are told apart by class (a copy from one body into another keeps them). */
function keptClass(element: Element): boolean {
  return /\b(nhsuk-inset-text|nhsuk-warning-callout(__label)?|nhsuk-do-dont-list|observatory-notes-to-editors|observatory-press-contact)\b/.test(
    element.getAttribute("class") ?? "",
  );
}

function removeComments(root: ParentNode & { ownerDocument: Document | null }): void {
  const doc = root.ownerDocument;
  if (!doc) return;
  const walker = doc.createTreeWalker(root as unknown as Node, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/**
 * Word writes a list as paragraphs styled `mso-list` with the bullet or number as text in a span
 * it marks `mso-list:Ignore`. Consecutive ones become one list (numbered when the marker is a
 * number or letter); deeper levels become nested lists.
 */
function wordListsToLists(root: ParentNode & { ownerDocument: Document | null }): void {
  const doc = root.ownerDocument;
  if (!doc) return;
  const paragraphs = Array.from(root.querySelectorAll("p")).filter((p) =>
    /mso-list:\s*l\d+\s+level\d+/i.test(p.getAttribute("data-pasted-style") ?? ""),
  );
  let stack: { level: number; list: HTMLElement }[] = [];
  let listId = "";
  const placeholders: Element[] = [];
  let previous: Element | null = null;
  for (const p of paragraphs) {
    const style = p.getAttribute("data-pasted-style") ?? "";
    const level = Number(/level(\d+)/i.exec(style)?.[1] ?? 1);
    const id = /mso-list:\s*(l\d+)/i.exec(style)?.[1] ?? "";
    const marker = Array.from(p.querySelectorAll("span")).find((span) =>
      /mso-list:\s*ignore/i.test(span.getAttribute("data-pasted-style") ?? ""),
    );
    const markerText = (marker?.textContent ?? "").trim();
    marker?.remove();
    const ordered = /^(\d+|[a-z]|[ivxlc]+)[.)]/i.test(markerText);
    const continues = previous !== null && stack.length > 0 && nextElement(previous) === p && id === listId;
    if (!continues) stack = [];
    listId = id;
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) > level) stack.pop();
    let top = stack.at(-1);
    if (!top || top.level < level) {
      const list = doc.createElement(ordered ? "ol" : "ul");
      if (top) {
        const lastItem = top.list.lastElementChild ?? top.list.appendChild(doc.createElement("li"));
        lastItem.appendChild(list);
      } else p.before(list);
      top = { level, list };
      stack.push(top);
    }
    const item = doc.createElement("li");
    while (p.firstChild) item.appendChild(p.firstChild);
    top.list.appendChild(item);
    const placeholder = doc.createElement("span");
    // Kept until the end, so "is the next paragraph the next element" can still be answered.
    p.replaceWith(placeholder);
    placeholders.push(placeholder);
    previous = placeholder;
  }
  for (const placeholder of placeholders) placeholder.remove();
}

function nextElement(element: Element): Element | null {
  let next = element.nextElementSibling;
  while (next && next.tagName === "SPAN" && next.childNodes.length === 0) next = next.nextElementSibling;
  return next;
}
