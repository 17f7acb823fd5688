// The snippet under a search result: whole sentences of the item's summary and reader text, from
// the one with the most of the searched words, with those words marked. PostgreSQL marks the words
// (it knows their stems: "reviewed" for "review"); this chooses the sentences.

export type SnippetSegment = { text: string; match: boolean };

/** What PostgreSQL puts around a matched word (`ts_headline` StartSel and StopSel); never typed by anyone. */
export const MATCH_START = "\u0001";
export const MATCH_STOP = "\u0002";

const MAX_WORDS = 32;
/** Words kept before the first match when a sentence is too long to show whole. */
const WORDS_BEFORE = 6;

const matchedWord = new RegExp(`${MATCH_START}([^${MATCH_STOP}]*)${MATCH_STOP}`, "g");
const markers = new RegExp(`[${MATCH_START}${MATCH_STOP}]`, "g");

/** A line's sentences: split after . ! ? where the next one starts with a capital, a digit or a quote. */
function sentencesOf(line: string): string[] {
  return line.split(new RegExp(`(?<=[.!?])\\s+(?=[${MATCH_START}\\p{Lu}\\p{N}“"‘'(])`, "u"));
}

type Sentence = { words: string[]; line: number; matches: Set<string> };

function parse(marked: string): Sentence[] {
  return marked.split("\n").flatMap((line, lineIndex) =>
    sentencesOf(line)
      .map((text) => ({
        words: text.split(/\s+/).filter(Boolean),
        line: lineIndex,
        matches: new Set([...text.matchAll(matchedWord)].map((m) => (m[1] ?? "").toLowerCase())),
      }))
      .filter((s) => s.words.length > 0),
  );
}

const endsSentence = (word: string | undefined) => /[.!?:…]["”’')]*$/.test((word ?? "").replace(markers, ""));

/**
 * The snippet: from the sentence with the most different matched words (the first such), whole
 * sentences up to about 32 words; a longer sentence is cut at word boundaries around its first match.
 * "…" shows where text was left out. Without a match, the opening sentences.
 */
export function snippetSegments(marked: string, maxWords = MAX_WORDS): SnippetSegment[] {
  const sentences = parse(marked);
  if (sentences.length === 0) return [];
  let best = 0;
  sentences.forEach((s, i) => {
    if (s.matches.size > (sentences[best]?.matches.size ?? 0)) best = i;
  });
  const first = sentences[best] as Sentence;
  let words = first.words;
  let cutBefore = best > 0;
  let cutAfter = false;
  if (words.length > maxWords) {
    const at = words.findIndex((w) => w.includes(MATCH_START));
    const start = Math.max(0, Math.min(at - WORDS_BEFORE, words.length - maxWords));
    cutBefore ||= start > 0;
    cutAfter = start + maxWords < words.length;
    words = words.slice(start, start + maxWords);
  } else {
    let last = best;
    for (const next of sentences.slice(best + 1)) {
      if (words.length + next.words.length > maxWords) break;
      // A line that ends without a full stop (a heading) is set apart from what follows it.
      const joiner = next.line !== sentences[last]?.line && !endsSentence(words.at(-1)) ? ["–"] : [];
      words = [...words, ...joiner, ...next.words];
      last += 1;
    }
    cutAfter = last < sentences.length - 1;
  }
  return segmentsOf(`${cutBefore ? "… " : ""}${words.join(" ")}${cutAfter ? " …" : ""}`);
}

/** Marked text as plain-text segments, matched or not; nothing in it is HTML. */
function segmentsOf(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  for (const part of marked.split(MATCH_START)) {
    const [matched, rest] = part.includes(MATCH_STOP) ? part.split(MATCH_STOP, 2) : [null, part];
    if (matched) push(matched, true);
    push(rest ?? "", false);
  }
  return segments;
}
