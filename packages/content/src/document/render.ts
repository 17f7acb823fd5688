import { escapeHtml } from "../escape-html.ts";
import type { MediaLookup, RenderedMedia } from "../rendered-media.ts";
import { type ContentsEntry, headingAnchors } from "./contents.ts";
import { blockLabelLevel, fixedHeadings } from "./headings.ts";
import { isSafeHref } from "./links.ts";
import type { BodyDocument, DocumentMark, DocumentNode } from "./types.ts";

// The one renderer of a body: the public page, the previews, the feeds and the revision compare all
// show what this writes. It reads a document that `parseDocument` has checked, escapes every piece
// of text and attribute, and writes NHS.UK design system markup. Nothing a person typed is ever
// written out as markup.

export type RenderContext = {
  /** The public address of each linked item that readers can see; a link to any other item becomes plain text. */
  links?: ReadonlyMap<string, string>;
  /** The library images the body uses; an image missing from here is left out. */
  media?: MediaLookup;
  /** Prefix for the site's own addresses (the admin shows public pages' links in full). */
  siteUrl?: string;
  /** Prefix for image files too, for a body read away from the site (a feed reader). */
  mediaBaseUrl?: string;
  /** Give each heading an id for a contents list to link to (an HTML publication's). */
  anchorHeadings?: boolean;
};

/** Width the body column takes on the page, for the browser to choose an image file before layout. */
const IMAGE_SIZES = "(min-width: 990px) 616px, calc(100vw - 32px)";

/** Images among the first blocks are likely on screen when the page opens: they load at once. */
const EAGER_BLOCKS = 2;

const icons = {
  tick: "M11.4 17.5a2 2 0 0 1-2.7.1h-.1L4 12.8a1.5 1.5 0 0 1 2.1-2L10 14.7l8.1-8.1a1.5 1.5 0 1 1 2.2 2l-8.9 9Z",
  cross:
    "M17 18.5c-.4 0-.8-.1-1.1-.4l-10-10c-.6-.6-.6-1.6 0-2.1.6-.6 1.5-.6 2.1 0l10 10c.6.6.6 1.5 0 2.1-.3.3-.6.4-1 .4z M7 18.5c-.4 0-.8-.1-1.1-.4-.6-.6-.6-1.5 0-2.1l10-10c.6-.6 1.5-.6 2.1 0 .6.6.6 1.5 0 2.1l-10 10c-.3.3-.6.4-1 .4z",
};

export function renderDocument(document: BodyDocument, context: RenderContext = {}): string {
  return renderBlocks(document, context).join("\n");
}

/** The body's top-level blocks, each rendered (empty ones left out): what a comparison lines up. */
export function renderBlocks(document: BodyDocument, context: RenderContext = {}): string[] {
  const state = new RenderState(context, context.anchorHeadings ? headingAnchors(document) : new Map());
  return (document.content ?? []).map((node, index) => state.block(node, index < EAGER_BLOCKS)).filter(Boolean);
}

class RenderState {
  /** The level of the last heading written, so a component's own label nests under it. */
  private lastHeading = 1;

  private readonly context: RenderContext;
  private readonly anchors: ReadonlyMap<DocumentNode, ContentsEntry>;

  constructor(context: RenderContext, anchors: ReadonlyMap<DocumentNode, ContentsEntry>) {
    this.context = context;
    this.anchors = anchors;
  }

  block(node: DocumentNode, eager = false): string {
    switch (node.type) {
      case "paragraph": {
        const inline = this.inline(node);
        return inline ? `<p>${inline}</p>` : "";
      }
      case "heading": {
        const level = node.attrs?.level as number;
        const inline = this.inline(node);
        if (!inline.trim()) return "";
        this.lastHeading = level;
        const anchor = this.anchors.get(node);
        return `<h${level}${anchor ? ` id="${escapeHtml(anchor.id)}"` : ""}>${inline}</h${level}>`;
      }
      case "bulletList":
        return `<ul class="nhsuk-list nhsuk-list--bullet">${this.items(node)}</ul>`;
      case "orderedList": {
        const start = node.attrs?.start as number;
        return `<ol class="nhsuk-list nhsuk-list--number"${start !== 1 ? ` start="${start}"` : ""}>${this.items(node)}</ol>`;
      }
      case "blockquote":
        return `<blockquote>${this.blocks(node)}</blockquote>`;
      case "table":
        return this.table(node);
      case "image":
        return this.image(node, eager);
      case "insetText":
        return `<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span>${this.blocks(node)}</div>`;
      case "warningCallout": {
        const [label, ...rest] = node.content ?? [];
        const level = blockLabelLevel(this.lastHeading);
        const heading = label ? this.inline(label) || "Important" : "Important";
        return (
          `<div class="nhsuk-card nhsuk-card--warning"><div class="nhsuk-card__content">` +
          `<h${level} class="nhsuk-card__heading"><span class="nhsuk-u-visually-hidden">Important: </span>${heading}</h${level}>` +
          `${rest.map((child) => this.block(child)).join("")}</div></div>`
        );
      }
      case "details": {
        const [summary, content] = node.content ?? [];
        return (
          `<details class="nhsuk-details"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">` +
          `${summary ? this.inline(summary) : ""}</span></summary>` +
          `<div class="nhsuk-details__text">${content ? this.blocks(content) : ""}</div></details>`
        );
      }
      case "doDontList":
        return this.doDontList(node);
      case "notesToEditors":
      case "pressContact": {
        const { level, text } = fixedHeadings[node.type];
        this.lastHeading = level;
        const className = node.type === "notesToEditors" ? "observatory-notes-to-editors" : "observatory-press-contact";
        return `<div class="${className}"><h${level}>${text}</h${level}>${this.blocks(node)}</div>`;
      }
      default:
        return "";
    }
  }

  private blocks(node: DocumentNode): string {
    return (node.content ?? []).map((child) => this.block(child)).join("");
  }

  /** List items and table cells holding one paragraph are written without it, as hand-written HTML would be. */
  private flow(node: DocumentNode): string {
    const content = node.content ?? [];
    const [only] = content;
    if (content.length === 1 && only?.type === "paragraph") return this.inline(only);
    return this.blocks(node);
  }

  private items(list: DocumentNode): string {
    return (list.content ?? []).map((item) => `<li>${this.flow(item)}</li>`).join("");
  }

  private table(node: DocumentNode): string {
    const rows = node.content ?? [];
    const [first, ...rest] = rows;
    const headed = first && (first.content ?? []).every((cell) => cell.type === "tableHeader");
    const row = (r: DocumentNode, inHead: boolean) =>
      `<tr class="nhsuk-table__row">${(r.content ?? [])
        .map((cell) => {
          const spans = ["colspan", "rowspan"]
            .map((name) => ((cell.attrs?.[name] as number) > 1 ? ` ${name}="${cell.attrs?.[name]}"` : ""))
            .join("");
          return cell.type === "tableHeader"
            ? `<th class="nhsuk-table__header" scope="${inHead ? "col" : "row"}"${spans}>${this.flow(cell)}</th>`
            : `<td class="nhsuk-table__cell"${spans}>${this.flow(cell)}</td>`;
        })
        .join("")}</tr>`;
    const head = headed && first ? `<thead class="nhsuk-table__head">${row(first, true)}</thead>` : "";
    const body = (headed ? rest : rows).map((r) => row(r, false)).join("");
    return `<div class="nhsuk-table-container"><table class="nhsuk-table">${head}<tbody class="nhsuk-table__body">${body}</tbody></table></div>`;
  }

  private image(node: DocumentNode, eager: boolean): string {
    const attrs = node.attrs ?? {};
    const media: RenderedMedia | undefined = this.context.media?.get(attrs.mediaId as string);
    if (!media) return "";
    const alt = attrs.decorative ? "" : String(attrs.alt ?? "");
    const caption = String(attrs.caption ?? "").trim();
    const sources = media.sources
      .map((s) => `<source type="${s.type}" srcset="${escapeHtml(this.srcset(s.srcset))}" sizes="${IMAGE_SIZES}">`)
      .join("");
    const img =
      `<img class="nhsuk-image__img" src="${escapeHtml(this.mediaUrl(media.src))}" srcset="${escapeHtml(this.srcset(media.srcset))}" sizes="${IMAGE_SIZES}"` +
      // The size stops the page shifting as the image loads; an image whose size is unknown goes without.
      `${media.width > 0 && media.height > 0 ? ` width="${media.width}" height="${media.height}"` : ""} alt="${escapeHtml(alt)}"` +
      `${eager ? "" : ' loading="lazy"'} decoding="async">`;
    const credit = media.credit.trim();
    const figcaption =
      caption || credit
        ? `<figcaption class="nhsuk-image__caption">${escapeHtml(caption)}${caption && credit ? " " : ""}${
            credit ? `<span class="observatory-image-credit">${escapeHtml(credit)}</span>` : ""
          }</figcaption>`
        : "";
    return `<figure class="nhsuk-image"><picture>${sources}${img}</picture>${figcaption}</figure>`;
  }

  /** An image file's address, in full when the body is read away from the site. */
  private mediaUrl(path: string): string {
    const base = this.context.mediaBaseUrl;
    return base && path.startsWith("/") && !path.startsWith("//") ? `${base}${path}` : path;
  }

  /** "url 640w, url 1280w" with each address as `mediaUrl` writes it. */
  private srcset(srcset: string): string {
    return srcset
      .split(",")
      .map((candidate) => candidate.trim().replace(/^\S+/, (url) => this.mediaUrl(url)))
      .join(", ");
  }

  private doDontList(node: DocumentNode): string {
    const dont = node.attrs?.kind === "dont";
    const level = blockLabelLevel(this.lastHeading);
    const icon = dont ? "cross" : "tick";
    const svg = `<svg class="nhsuk-icon nhsuk-icon--${icon}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true"><path d="${icons[icon]}"/></svg>`;
    const items = (node.content ?? [])
      .map((item) => `<li>${svg}${dont ? "do not " : ""}${this.flow(item)}</li>`)
      .join("");
    return (
      `<div class="nhsuk-card nhsuk-card--feature"><div class="nhsuk-card__content nhsuk-card__content--feature">` +
      `<h${level} class="nhsuk-card__heading nhsuk-card__heading--feature">${dont ? "Don't" : "Do"}</h${level}>` +
      `<ul class="nhsuk-list nhsuk-list--${icon}" role="list">${items}</ul></div></div>`
    );
  }

  /** Inline content; neighbouring pieces of one link (some of it bold, say) make one `<a>`. */
  inline(node: DocumentNode): string {
    let html = "";
    let run = "";
    let runHref: string | null = null;
    const close = () => {
      if (run) html += runHref ? `<a href="${escapeHtml(runHref)}">${run}</a>` : run;
      run = "";
    };
    for (const child of node.content ?? []) {
      const link = child.marks?.find((m) => m.type === "link");
      const href = link ? this.href(link) : null;
      if (href !== runHref) {
        close();
        runHref = href;
      }
      run += this.text(child);
    }
    close();
    return html;
  }

  private text(node: DocumentNode): string {
    if (node.type === "hardBreak") return "<br>";
    if (node.type !== "text") return "";
    let html = escapeHtml(node.text ?? "");
    const marks = node.marks ?? [];
    if (marks.some((m) => m.type === "italic")) html = `<em>${html}</em>`;
    if (marks.some((m) => m.type === "bold")) html = `<strong>${html}</strong>`;
    return html;
  }

  private href(link: DocumentMark): string | null {
    const { href, itemId } = link.attrs ?? {};
    if (typeof itemId === "string") {
      const path = this.context.links?.get(itemId);
      return path ? `${this.context.siteUrl ?? ""}${path}` : null;
    }
    if (typeof href !== "string" || !isSafeHref(href)) return null;
    return href.startsWith("/") && !href.startsWith("#") ? `${this.context.siteUrl ?? ""}${href}` : href;
  }
}
