import { fixedHeadings } from "./headings.ts";
import { type BodyDocument, type DocumentNode, inlineText } from "./types.ts";

// The accessibility check of a body, run on every save, shown beside the editor and enforced when
// the item is submitted or published. Errors stop both; a warning can be accepted with a reason.
// Each finding has a key built from its rule and the words it is about, so an accepted warning
// stays accepted across saves while that passage is unchanged.

export type FindingSeverity = "error" | "warning";

export type Finding = {
  key: string;
  rule: string;
  severity: FindingSeverity;
  /** What is wrong and what to do, in plain words. */
  message: string;
  /** The words it is about, to find them in the body. */
  excerpt: string;
};

export type CheckOptions = {
  /** The file names of the library images used, to notice alt text that only repeats one. */
  mediaFileNames?: ReadonlyMap<string, string>;
};

/** Longer than this and a sentence is hard going (the NHS content guide aims at about 15 to 20 words). */
export const LONG_SENTENCE_WORDS = 25;
/** Longer than this and a paragraph is a wall of text on a phone. */
export const LONG_PARAGRAPH_WORDS = 80;
/** Screen readers read alt text in one go: more than this belongs in the text or a caption. */
export const LONG_ALT_CHARACTERS = 150;

const VAGUE_LINK_TEXT = new Set([
  "click here",
  "here",
  "click",
  "read more",
  "more",
  "more info",
  "more information",
  "find out more",
  "learn more",
  "link",
  "this link",
  "this page",
  "this",
  "go",
  "continue",
]);

const REDUNDANT_ALT_PREFIX = /^(an? )?(image|picture|photo|photograph|graphic|pic) (of|showing)\b/i;

export function checkDocument(document: BodyDocument, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, severity: FindingSeverity, message: string, excerpt: string) =>
    findings.push({ key: `${rule}:${hash(excerpt)}`, rule, severity, message, excerpt: excerpt.slice(0, 120) });
  let lastHeading = 1;

  const visit = (node: DocumentNode) => {
    switch (node.type) {
      case "heading": {
        const level = Number(node.attrs?.level);
        const text = inlineText(node).trim();
        if (!text) {
          add(
            "heading-empty",
            "error",
            "A heading is empty. Write the heading, or make it a paragraph.",
            `level ${level}`,
          );
          return;
        }
        if (level > lastHeading + 1) {
          add(
            "heading-skipped",
            "error",
            `The heading "${short(text)}" is level ${level} straight after a level ${lastHeading} heading. Make it level ${lastHeading + 1}, so people using screen readers can follow the page's structure.`,
            text,
          );
        }
        lastHeading = level;
        checkCaps(text);
        return;
      }
      case "notesToEditors":
      case "pressContact":
        lastHeading = fixedHeadings[node.type].level;
        break;
      case "image":
        checkImage(node);
        return;
      case "table": {
        const [first] = node.content ?? [];
        const headed = first && (first.content ?? []).every((cell) => cell.type === "tableHeader");
        if (!headed) {
          add(
            "table-no-header",
            "error",
            "A table has no header row. Make its first row the header row, so each cell can be read with its column's name.",
            inlineText(node).slice(0, 60),
          );
        }
        break;
      }
      case "paragraph":
        checkParagraph(node);
        checkLinks(node);
        return;
      case "calloutHeading":
      case "detailsSummary":
        checkLinks(node);
        return;
    }
    for (const child of node.content ?? []) visit(child);
  };

  const checkImage = (node: DocumentNode) => {
    const alt = String(node.attrs?.alt ?? "").trim();
    if (node.attrs?.decorative) return;
    if (!alt) {
      add(
        "image-alt-missing",
        "error",
        "An image has no alt text. Describe what it shows for people who cannot see it, or mark it as decorative if it adds nothing to the text.",
        String(node.attrs?.mediaId ?? ""),
      );
      return;
    }
    const fileName = options.mediaFileNames?.get(String(node.attrs?.mediaId));
    if (fileName && sameWords(alt, fileName.replace(/\.[a-z0-9]+$/i, ""))) {
      add(
        "alt-file-name",
        "warning",
        `The alt text "${short(alt)}" only repeats the file name. Describe what the image shows.`,
        alt,
      );
    }
    if (REDUNDANT_ALT_PREFIX.test(alt)) {
      add(
        "alt-redundant",
        "warning",
        `The alt text "${short(alt)}" starts by saying it is an image. Screen readers already say so: start with what it shows.`,
        alt,
      );
    }
    if (alt.length > LONG_ALT_CHARACTERS) {
      add(
        "alt-long",
        "warning",
        `The alt text "${short(alt)}" is ${alt.length} characters long. Keep it under ${LONG_ALT_CHARACTERS}, and put longer descriptions in the text or the caption.`,
        alt,
      );
    }
  };

  const checkLinks = (node: DocumentNode) => {
    for (const link of linkRuns(node)) {
      const text = link.text.trim();
      if (!text) {
        add(
          "link-empty",
          "error",
          "A link has no text. Write words that say where it goes, or remove the link.",
          link.href,
        );
      } else if (VAGUE_LINK_TEXT.has(text.toLowerCase().replace(/[.!…]+$/, ""))) {
        add(
          "link-vague",
          "warning",
          `The link text "${short(text)}" does not say where the link goes. Use words that make sense on their own, such as the page's title.`,
          text,
        );
      } else if (/^(https?:\/\/|www\.)\S+$/i.test(text)) {
        add(
          "link-bare-address",
          "warning",
          `The link text "${short(text)}" is a web address. Screen readers spell it out: use words that say where it goes.`,
          text,
        );
      }
    }
  };

  const checkParagraph = (node: DocumentNode) => {
    const text = inlineText(node).replace(/\s+/g, " ").trim();
    if (!text) return;
    const words = wordCount(text);
    if (words > LONG_PARAGRAPH_WORDS) {
      add(
        "paragraph-long",
        "warning",
        `A paragraph starting "${short(text)}" has ${words} words. Break it up: short paragraphs are easier to read, especially on a phone.`,
        text,
      );
    }
    for (const sentence of sentences(text)) {
      const n = wordCount(sentence);
      if (n > LONG_SENTENCE_WORDS) {
        add(
          "sentence-long",
          "warning",
          `The sentence starting "${short(sentence)}" has ${n} words. Aim for 25 or fewer: split it, or cut words.`,
          sentence,
        );
      }
    }
    checkCaps(text);
  };

  const checkCaps = (text: string) => {
    for (const sentence of sentences(text)) {
      const letters = sentence.replace(/[^\p{L}]/gu, "");
      const words = sentence.match(/\p{L}{2,}/gu) ?? [];
      // Four or more words all in capitals (acronyms on their own are fine).
      if (words.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
        add(
          "all-caps",
          "warning",
          `"${short(sentence)}" is in capital letters. Text in capitals is harder to read: use sentence case.`,
          sentence,
        );
      }
    }
  };

  for (const node of document.content ?? []) visit(node);
  return findings;
}

/** The links in a run of inline content, with the text each covers (neighbouring pieces joined). */
function linkRuns(node: DocumentNode): { href: string; text: string }[] {
  const runs: { href: string; text: string }[] = [];
  let current: { href: string; text: string } | null = null;
  for (const child of node.content ?? []) {
    const link = child.marks?.find((m) => m.type === "link");
    const href = link ? String(link.attrs?.itemId ?? link.attrs?.href ?? "") : null;
    if (href === null) {
      current = null;
      continue;
    }
    if (!current || current.href !== href) {
      current = { href, text: "" };
      runs.push(current);
    }
    current.text += child.type === "text" ? (child.text ?? "") : " ";
  }
  return runs;
}

function sentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

function sameWords(a: string, b: string): boolean {
  const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
  return words(a) === words(b);
}

function short(text: string): string {
  const words = text.split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(" ")}…` : text;
}

/** A short, stable fingerprint of a passage (FNV-1a), for a finding's key. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
