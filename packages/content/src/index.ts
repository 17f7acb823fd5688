export { markdownToText, renderMarkdown, sanitizeContentHtml } from "./markdown.ts";
