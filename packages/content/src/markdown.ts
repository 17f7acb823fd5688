import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Content bodies are written in Markdown and stored with their rendering; this is the one renderer,
// so the admin preview and the public site show the same HTML. Sanitised here (on write) and
// again by `sanitizeContentHtml` wherever stored HTML is rendered.

const marked = new Marked({ gfm: true, breaks: false, async: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "code",
    "pre",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
  ],
  allowedAttributes: { a: ["href", "title"], img: ["src", "alt", "width", "height"], th: ["scope"], ol: ["start"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  // Headings in a body start at h2: the page's h1 is the title.
  transformTags: { h1: "h2", h5: "h4", h6: "h4" },
  disallowedTagsMode: "discard",
};

export function sanitizeContentHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

export function renderMarkdown(markdown: string): string {
  return sanitizeContentHtml(marked.parse(markdown, { async: false }));
}

/** Plain text of a Markdown body (search snippets, feed summaries, meta descriptions). */
export function markdownToText(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown, { async: false }), { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, " ")
    .trim();
}
