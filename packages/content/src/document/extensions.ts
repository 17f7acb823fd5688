import { getSchema, mergeAttributes, Node } from "@tiptap/core";
import { Details, DetailsContent, DetailsSummary } from "@tiptap/extension-details";
import Heading from "@tiptap/extension-heading";
import Link from "@tiptap/extension-link";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { isSafeHref } from "./links.ts";

// The body's building blocks, as the editor knows them: the one list of what a body may contain.
// The editor in the admin, the server's check of a saved body and its reading of a plain-HTML body
// (the editor without JavaScript) all use this list, so they cannot disagree. How a body looks to
// readers is decided by `render.ts`, not by the `renderHTML` here (that is the editor's own view).

/** h2 to h4 only: the page's title is its h1. A pasted h1 becomes an h2, an h5 or h6 an h4. */
const BodyHeading = Heading.extend({
  parseHTML() {
    return [
      { tag: "h1", attrs: { level: 2 } },
      { tag: "h2", attrs: { level: 2 } },
      { tag: "h3", attrs: { level: 3 } },
      { tag: "h4", attrs: { level: 4 } },
      { tag: "h5", attrs: { level: 4 } },
      { tag: "h6", attrs: { level: 4 } },
    ];
  },
}).configure({ levels: [2, 3, 4] });

/**
 * A link to a web address, or to another item on the site by its id (so it follows the item when
 * its web address changes; `href` then holds the address it had when linked, for the editor).
 */
const BodyLink = Link.extend({
  addAttributes() {
    return {
      href: { default: null },
      itemId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-item-id"),
        renderHTML: (attributes) => (attributes.itemId ? { "data-item-id": attributes.itemId } : {}),
      },
    };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  defaultProtocol: "https",
  isAllowedUri: (url) => isSafeHref(url),
});

/** A library image, by its media id; the alt text belongs to this use of it. */
export const BodyImage = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      mediaId: { default: null, parseHTML: (el) => el.getAttribute("data-media-id") },
      alt: { default: "", parseHTML: (el) => el.getAttribute("alt") ?? "" },
      decorative: { default: false, parseHTML: (el) => el.getAttribute("data-decorative") === "true" },
      caption: { default: "", parseHTML: (el) => el.getAttribute("data-caption") ?? "" },
    };
  },
  parseHTML() {
    return [{ tag: "img[data-media-id]", priority: 100 }];
  },
  renderHTML({ node }) {
    const { mediaId, alt, decorative, caption } = node.attrs;
    return [
      "img",
      {
        "data-media-id": mediaId,
        // The admin serves each library image's small file here (the editor is only in the admin).
        src: `/media/${mediaId}/thumbnail`,
        alt: decorative ? "" : alt,
        "data-decorative": decorative ? "true" : "false",
        "data-caption": caption,
      },
    ];
  },
});

/** A container block with a fixed class, for the NHS.UK content components. */
function container(
  name: string,
  className: string,
  content: string,
  extra: Partial<Parameters<typeof Node.create>[0]> = {},
) {
  return Node.create({
    name,
    group: "block",
    content,
    defining: true,
    parseHTML() {
      return [{ tag: `div.${className}`, priority: 100 }];
    },
    renderHTML({ HTMLAttributes }) {
      return ["div", mergeAttributes(HTMLAttributes, { class: className }), 0];
    },
    ...extra,
  });
}

/** NHS.UK inset text: a short piece of information set apart from the text around it. */
export const InsetText = container("insetText", "nhsuk-inset-text", "paragraph+");

/** NHS.UK warning callout: a heading (its first line) and the warning. */
export const WarningCallout = container(
  "warningCallout",
  "nhsuk-warning-callout",
  "calloutHeading (paragraph | bulletList | orderedList)+",
);

export const CalloutHeading = Node.create({
  name: "calloutHeading",
  content: "text*",
  marks: "",
  defining: true,
  parseHTML() {
    return [{ tag: "p.nhsuk-warning-callout__label", priority: 100 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["p", mergeAttributes(HTMLAttributes, { class: "nhsuk-warning-callout__label" }), 0];
  },
});

/** NHS.UK do and don't list: things to do (ticks) or not to do (crosses). */
export const DoDontList = Node.create({
  name: "doDontList",
  group: "block",
  content: "listItem+",
  defining: true,
  addAttributes() {
    return {
      kind: {
        default: "do",
        parseHTML: (el) => (el.getAttribute("data-kind") === "dont" ? "dont" : "do"),
        renderHTML: (attributes) => ({ "data-kind": attributes.kind }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "ul.nhsuk-do-dont-list", priority: 100 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["ul", mergeAttributes(HTMLAttributes, { class: "nhsuk-do-dont-list" }), 0];
  },
});

/** Press releases: the notes to editors that close them. */
export const NotesToEditors = container(
  "notesToEditors",
  "observatory-notes-to-editors",
  "(paragraph | bulletList | orderedList)+",
);

/** Press releases: who journalists should contact. */
export const PressContact = container("pressContact", "observatory-press-contact", "paragraph+");

/** Every block and mark a body may hold. */
export const documentExtensions = [
  StarterKit.configure({
    heading: false,
    link: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
  }),
  BodyHeading,
  BodyLink,
  TableKit.configure({ table: { resizable: false } }),
  Details.configure({ persist: false }),
  DetailsSummary,
  DetailsContent,
  BodyImage,
  InsetText,
  WarningCallout,
  CalloutHeading,
  DoDontList,
  NotesToEditors,
  PressContact,
];

/** The ProseMirror schema of a body: what `parseDocument` holds a saved body to. */
export const documentSchema = getSchema(documentExtensions);

/** Blocks only a press release may hold. */
export const pressReleaseOnlyBlocks = ["notesToEditors", "pressContact"] as const;
