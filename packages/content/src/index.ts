export { type CheckOptions, checkDocument, type Finding, type FindingSeverity } from "./document/checks.ts";
export { documentExtensions, documentSchema, pressReleaseOnlyBlocks } from "./document/extensions.ts";
export { documentFromMarkdown, type MarkdownImportOptions } from "./document/from-markdown.ts";
export { isSafeHref, ITEM_ID } from "./document/links.ts";
export { MAX_DOCUMENT_BYTES, type ParsedDocument, parseDocument, parseDocumentText } from "./document/parse.ts";
export { escapeHtml, type RenderContext, renderDocument } from "./document/render.ts";
export { documentExcerpt, documentText } from "./document/text.ts";
export { type BodyDocument, type DocumentMark, type DocumentNode, emptyDocument, walk } from "./document/types.ts";
export type { MediaLookup, RenderedMedia } from "./rendered-media.ts";
