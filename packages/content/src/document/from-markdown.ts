import { Lexer, type Token, type Tokens } from "marked";
import { ITEM_ID, isSafeHref } from "./links.ts";
import { type BodyDocument, type DocumentMark, type DocumentNode, emptyDocument } from "./types.ts";

// Bodies written before the rich-text editor were Markdown. This turns one into a document without
// losing a word: what the editor has no block for (code, a horizontal rule, raw HTML) keeps its
// text as plain paragraphs. Used by the migration that converted every stored body, and by the demo
// content, whose source files are Markdown.

export type MarkdownImportOptions = {
  /** The library image an image's address is, if it is one of ours (`/media/<key>`). */
  mediaIdFor?: (src: string) => string | null;
  /** The item a link's address on this site leads to (`/news/<slug>`), if it is one. */
  itemIdFor?: (href: string) => string | null;
};

type Piece = DocumentNode; // a text, hard break, or (to be lifted out of its paragraph) an image

export function documentFromMarkdown(markdown: string, options: MarkdownImportOptions = {}): BodyDocument {
  const content = new MarkdownImport(options).blocks(new Lexer({ gfm: true }).lex(markdown));
  return content.length > 0 ? { type: "doc", content } : structuredClone(emptyDocument);
}

class MarkdownImport {
  private readonly options: MarkdownImportOptions;

  constructor(options: MarkdownImportOptions) {
    this.options = options;
  }

  blocks(tokens: Token[]): DocumentNode[] {
    return tokens.flatMap((token) => this.block(token));
  }

  private block(token: Token): DocumentNode[] {
    switch (token.type) {
      case "paragraph":
        return this.paragraphs(this.inline(token.tokens ?? []));
      case "text": {
        const t = token as Tokens.Text;
        return this.paragraphs(t.tokens ? this.inline(t.tokens) : textPieces(decodeEntities(t.text), []));
      }
      case "heading": {
        const t = token as Tokens.Heading;
        const level = Math.min(4, Math.max(2, t.depth));
        const [heading, ...images] = this.paragraphs(this.inline(t.tokens));
        if (heading?.type !== "paragraph") return this.paragraphs(this.inline(t.tokens));
        return [{ type: "heading", attrs: { level }, content: heading.content }, ...images];
      }
      case "code": {
        const lines = (token as Tokens.Code).text.split("\n");
        const content = lines.flatMap((line, i) => [
          ...(i > 0 ? [{ type: "hardBreak" }] : []),
          ...(line ? [{ type: "text", text: line }] : []),
        ]);
        return content.some((n) => n.type === "text") ? [{ type: "paragraph", content }] : [];
      }
      case "blockquote": {
        const content = this.blocks((token as Tokens.Blockquote).tokens);
        return content.length > 0 ? [{ type: "blockquote", content }] : [];
      }
      case "list": {
        const t = token as Tokens.List;
        const items = t.items.map((item) => listItem(this.blocks(item.tokens)));
        if (items.length === 0) return [];
        return [
          t.ordered
            ? { type: "orderedList", attrs: { start: typeof t.start === "number" ? t.start : 1 }, content: items }
            : { type: "bulletList", content: items },
        ];
      }
      case "table": {
        const t = token as Tokens.Table;
        const cell = (type: string, c: Tokens.TableCell) => ({
          type,
          attrs: { colspan: 1, rowspan: 1 },
          content: this.cellBlocks(c.tokens),
        });
        const rows = [
          { type: "tableRow", content: t.header.map((c) => cell("tableHeader", c)) },
          ...t.rows.map((r) => ({ type: "tableRow", content: r.map((c) => cell("tableCell", c)) })),
        ];
        return [{ type: "table", content: rows }];
      }
      case "html":
        return htmlText((token as Tokens.HTML).text)
          .split(/\n{2,}/)
          .map((text) => text.trim())
          .filter(Boolean)
          .map((text) => ({ type: "paragraph", content: [{ type: "text", text: text.replace(/\s*\n\s*/g, " ") }] }));
      case "space":
      case "hr":
      case "def":
        return [];
      default: {
        const text = "text" in token && typeof token.text === "string" ? token.text.trim() : "";
        return text ? [{ type: "paragraph", content: [{ type: "text", text }] }] : [];
      }
    }
  }

  /** A table cell holds blocks; an image in one is kept as its alt text. */
  private cellBlocks(tokens: Token[]): DocumentNode[] {
    const pieces = this.inline(tokens).flatMap((piece) =>
      piece.type === "image" ? textPieces(String(piece.attrs?.alt ?? ""), []) : [piece],
    );
    return [{ type: "paragraph", ...(pieces.length > 0 ? { content: pieces } : {}) }];
  }

  /** Inline pieces as paragraphs, with each image lifted out into a block of its own. */
  private paragraphs(pieces: Piece[]): DocumentNode[] {
    const blocks: DocumentNode[] = [];
    let run: Piece[] = [];
    const flush = () => {
      while (run[0]?.type === "hardBreak") run.shift();
      while (run.at(-1)?.type === "hardBreak") run.pop();
      if (run.some((p) => p.type === "text" && p.text?.trim())) blocks.push({ type: "paragraph", content: run });
      run = [];
    };
    for (const piece of pieces) {
      if (piece.type === "image") {
        flush();
        blocks.push(piece);
      } else run.push(piece);
    }
    flush();
    return blocks;
  }

  private inline(tokens: Token[], marks: DocumentMark[] = []): Piece[] {
    return mergeText(tokens.flatMap((token) => this.inlineToken(token, marks)));
  }

  private inlineToken(token: Token, marks: DocumentMark[]): Piece[] {
    switch (token.type) {
      case "text":
      case "escape": {
        const t = token as Tokens.Text;
        return t.tokens ? this.inline(t.tokens, marks) : textPieces(decodeEntities(t.text), marks);
      }
      case "strong":
        return this.inline((token as Tokens.Strong).tokens, withMark(marks, { type: "bold" }));
      case "em":
        return this.inline((token as Tokens.Em).tokens, withMark(marks, { type: "italic" }));
      case "del":
        return this.inline((token as Tokens.Del).tokens, marks);
      case "codespan":
        return textPieces(decodeEntities((token as Tokens.Codespan).text), marks);
      case "br":
        return [{ type: "hardBreak" }];
      case "link": {
        const t = token as Tokens.Link;
        return this.inline(t.tokens, this.linked(marks, t.href));
      }
      case "image": {
        const t = token as Tokens.Image;
        const mediaId = this.options.mediaIdFor?.(t.href) ?? null;
        if (mediaId) {
          return [
            {
              type: "image",
              attrs: { mediaId, alt: decodeEntities(t.text), decorative: false, caption: t.title ?? "" },
            },
          ];
        }
        // An image from elsewhere cannot be shown from the library: its description stays, linked to it.
        return textPieces(decodeEntities(t.text) || t.href, this.linked(marks, t.href));
      }
      case "html": {
        const raw = (token as Tokens.Tag).text;
        if (/^<br\s*\/?>$/i.test(raw.trim())) return [{ type: "hardBreak" }];
        return textPieces(htmlText(raw), marks);
      }
      default: {
        const text = "text" in token && typeof token.text === "string" ? token.text : "";
        return textPieces(decodeEntities(text), marks);
      }
    }
  }

  private linked(marks: DocumentMark[], href: string): DocumentMark[] {
    const itemId = this.options.itemIdFor?.(href) ?? null;
    if (itemId && ITEM_ID.test(itemId)) return withMark(marks, { type: "link", attrs: { href, itemId } });
    if (isSafeHref(href)) return withMark(marks, { type: "link", attrs: { href, itemId: null } });
    return marks;
  }
}

function listItem(blocks: DocumentNode[]): DocumentNode {
  // A list item opens with a paragraph (an item that is only a nested list gets an empty one).
  const content = blocks[0]?.type === "paragraph" ? blocks : [{ type: "paragraph" }, ...blocks];
  return { type: "listItem", content };
}

function withMark(marks: DocumentMark[], mark: DocumentMark): DocumentMark[] {
  return [...marks.filter((m) => m.type !== mark.type), mark];
}

function textPieces(text: string, marks: DocumentMark[]): Piece[] {
  // Soft line breaks inside a paragraph are spaces, as they were when rendered.
  const flat = text.replace(/\s*\n\s*/g, " ");
  if (!flat) return [];
  return [{ type: "text", text: flat, ...(marks.length > 0 ? { marks } : {}) }];
}

/** Neighbouring texts with the same marks become one text, as the editor would hold them. */
function mergeText(pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last?.type === "text" && piece.type === "text" && JSON.stringify(last.marks) === JSON.stringify(piece.marks)) {
      merged[merged.length - 1] = { ...last, text: `${last.text}${piece.text}` };
    } else merged.push(piece);
  }
  return merged;
}

/** The text of a piece of HTML: tags (and scripts and styles with their content) removed, entities read. */
function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, "\n\n")
      .replace(/<[^>]*>/g, ""),
  );
}

const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}
