// On its own so that a page's code can use it without the renderer and its editing framework
// coming along (the web app's comment thread).

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for an HTML text node or a quoted attribute value. */
const special = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most names, ids and paragraphs have nothing to escape: they are returned as they are.
  return special.test(text) ? text.replace(/[&<>"']/g, (c) => entities[c] ?? c) : text;
}
