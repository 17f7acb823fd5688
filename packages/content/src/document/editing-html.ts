import { generateHTML, generateJSON } from "@tiptap/html/server";
import { Window } from "happy-dom";
import { documentExtensions } from "./extensions.ts";
import { cleanPastedHtml } from "./paste.ts";
import type { BodyDocument } from "./types.ts";

// The body as the editor's own HTML, on the server. Without JavaScript the admin shows a body as
// this HTML in a plain text box and reads it back when saved; the round trip loses nothing because
// the editor's blocks read the markup they write. Anything else in it is cleaned as a paste is.

export function documentToEditingHtml(document: BodyDocument): string {
  return generateHTML(document, documentExtensions);
}

/**
 * Reads HTML (the plain text box, or a paste) into a document: only what a body may hold stays.
 * The HTML is whatever someone sent: the server's DOM runs no script and fetches nothing it names.
 */
export function documentFromHtml(html: string): BodyDocument {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const parser = new window.DOMParser();
    const cleaned = cleanPastedHtml(html, (h) => parser.parseFromString(h, "text/html") as unknown as Document);
    return generateJSON(cleaned, documentExtensions) as BodyDocument;
  } finally {
    window.happyDOM.abort();
    window.close();
  }
}
