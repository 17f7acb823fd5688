import { useEffect } from "react";

/**
 * With JavaScript: marks the passages open comments quote inside the body shown on the page (the
 * CSS Custom Highlight API, so the rendered body itself is left as the server sent it). Without
 * it, or in a browser without the API, each comment shows its quote instead.
 */
export function QuoteHighlights({ quotes, container = ".observatory-body" }: { quotes: string[]; container?: string }) {
  const key = quotes.join("\u0000");
  useEffect(() => {
    const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
    const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    const root = document.querySelector(container);
    if (!registry || !HighlightClass || !root || !key) return;
    const ranges = key.split("\u0000").flatMap((quote) => {
      const range = rangeOf(root, quote);
      return range ? [range] : [];
    });
    registry.set("review-comment", new HighlightClass(...ranges));
    return () => {
      registry.delete("review-comment");
    };
  }, [key, container]);
  return null;
}

/** The first place `quote` occurs in the text under `root`, whitespace compared loosely, as a Range. */
function rangeOf(root: Element, quote: string): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  // The text as one string with single spaces, and where each of its characters came from.
  let text = "";
  const from: { node: Text; offset: number }[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.data;
    for (let i = 0; i < value.length; i += 1) {
      const isSpace = /\s/.test(value.charAt(i));
      if (isSpace && (text === "" || text.endsWith(" "))) continue;
      text += isSpace ? " " : value.charAt(i);
      from.push({ node, offset: i });
    }
    // Blocks read as separate words, as the quote was normalised on the server.
    if (!text.endsWith(" ")) {
      text += " ";
      from.push({ node, offset: value.length });
    }
  }
  const at = text.indexOf(quote);
  const start = from[at];
  const end = from[at + quote.length - 1];
  if (at < 0 || !start || !end) return null;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, Math.min(end.offset + 1, end.node.data.length));
  return range;
}
