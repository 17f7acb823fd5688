export { markdownToText, renderMarkdown, sanitizeContentHtml } from "./markdown.ts";
export type { MediaLookup, RenderedMedia } from "./rendered-media.ts";
