import { diffArrays } from "diff";
import { type RenderContext, renderBlocks } from "./render.ts";
import type { BodyDocument } from "./types.ts";

// What changed between two revisions' bodies, shown as readers would see the newer one: words taken
// out are struck through (<del>), words put in are marked (<ins>). Both bodies go through the one
// renderer. The blocks are lined up first (a paragraph added between two others is one added
// block), then the words within each changed pair of blocks of the same kind. Every tag written
// comes from one of the two renderings, whole, so the markup is as valid as the renderer's own.

type Token = { tag: boolean; text: string };

/** Tags, words, punctuation and spaces. Text is already escaped by the renderer (an entity is one token). */
function tokenize(html: string): Token[] {
  return [...html.matchAll(/<[^>]*>|&[a-z0-9#]+;|[\p{L}\p{N}’'-]+|\s+|[^<\s]/gu)].map((m) => ({
    tag: m[0].startsWith("<"),
    text: m[0],
  }));
}

const tagName = (tag: string) => /^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? "";
const isVoid = (tag: string) => /^<(br|img|source|hr|path)\b/i.test(tag) || tag.endsWith("/>");

/** Elements text cannot sit in directly: removed words wait for the next place a word can go. */
const NO_TEXT_INSIDE = new Set(["ul", "ol", "table", "thead", "tbody", "tr", "picture", "figure", "svg"]);

const marked = (kind: "ins" | "del", words: string) =>
  kind === "ins"
    ? `<ins class="observatory-diff-added"><span class="nhsuk-u-visually-hidden">Added: </span>${words}</ins>`
    : `<del class="observatory-diff-removed"><span class="nhsuk-u-visually-hidden">Removed: </span>${words}</del>`;

/** A block that is wholly new or wholly gone: its structure kept, each run of its words marked. */
function markAll(html: string, kind: "ins" | "del"): string {
  let out = "";
  let run = "";
  const flush = () => {
    out += run.trim() ? marked(kind, run) : run;
    run = "";
  };
  for (const token of tokenize(html)) {
    if (token.tag) {
      flush();
      out += token.text;
    } else run += token.text;
  }
  flush();
  return out;
}

/** Two versions of one block, word by word, in the newer version's structure. */
function diffBlock(before: string, after: string): string {
  const changes = diffArrays(tokenize(before), tokenize(after), {
    comparator: (a, b) => a.tag === b.tag && a.text === b.text,
  });
  const open: string[] = [];
  let html = "";
  let removed = "";
  const canHoldText = () => !NO_TEXT_INSIDE.has(open.at(-1) ?? "");
  const flushRemoved = () => {
    if (removed.trim() && canHoldText()) {
      html += `${marked("del", removed.trim())} `;
      removed = "";
    }
  };
  const keepTag = (tag: string) => {
    if (tag.startsWith("</")) {
      flushRemoved(); // words taken out at the end of an element go before it closes
      if (open.at(-1) === tagName(tag)) open.pop();
    } else if (!isVoid(tag)) open.push(tagName(tag));
    html += tag;
  };
  for (const change of changes) {
    if (change.removed) {
      // The words taken out; their tags go, as the newer structure is the one shown.
      for (const token of change.value) if (!token.tag) removed += token.text;
      continue;
    }
    let run = "";
    const closeRun = () => {
      html += change.added && run.trim() ? marked("ins", run) : run;
      run = "";
    };
    for (const token of change.value) {
      if (token.tag) {
        closeRun();
        keepTag(token.text);
      } else {
        if (!run) flushRemoved();
        run += token.text;
      }
    }
    closeRun();
  }
  if (removed.trim()) html += `<p>${marked("del", removed.trim())}</p>`;
  return html;
}

export function renderDocumentDiff(before: BodyDocument, after: BodyDocument, context: RenderContext = {}): string {
  const blocks = diffArrays(renderBlocks(before, context), renderBlocks(after, context));
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i += 1) {
    const change = blocks[i];
    if (!change) continue;
    if (!change.added && !change.removed) {
      out.push(...change.value);
      continue;
    }
    if (change.added) {
      out.push(...change.value.map((block) => markAll(block, "ins")));
      continue;
    }
    // Blocks taken out, perhaps replaced: a changed block of the same kind is compared word by word.
    const next = blocks[i + 1];
    const replacements = next?.added ? next.value : [];
    if (next?.added) i += 1;
    const count = Math.max(change.value.length, replacements.length);
    for (let n = 0; n < count; n += 1) {
      const old = change.value[n];
      const replacement = replacements[n];
      if (old !== undefined && replacement !== undefined && tagName(old) === tagName(replacement)) {
        out.push(diffBlock(old, replacement));
      } else {
        if (old !== undefined) out.push(markAll(old, "del"));
        if (replacement !== undefined) out.push(markAll(replacement, "ins"));
      }
    }
  }
  return out.join("\n");
}
