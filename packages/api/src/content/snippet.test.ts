import { describe, expect, it } from "vitest";
import { MATCH_START as S, MATCH_STOP as E, snippetSegments } from "./snippet.ts";

const shown = (marked: string, maxWords?: number) =>
  snippetSegments(marked, maxWords)
    .map((s) => (s.match ? `[${s.text}]` : s.text))
    .join("");

describe("snippetSegments", () => {
  it("starts at the sentence with the most searched words and marks them", () => {
    const text = [
      "The six priorities that guide our work.",
      "Our strategy sets out where we will work. New technology should help to reduce inequity.",
      `We will encourage ${S}innovation${E} that removes bias in ${S}technology${E}. Progress must reach everyone.`,
    ].join("\n");
    expect(shown(text)).toBe(
      "… We will encourage [innovation] that removes bias in [technology]. Progress must reach everyone.",
    );
  });

  it("keeps to whole sentences, and says when more follows", () => {
    const text = `${S}Maternity${E} care matters. One two three four five. Six seven eight nine ten eleven twelve.`;
    expect(shown(text, 10)).toBe("[Maternity] care matters. One two three four five. …");
  });

  it("cuts a long sentence at word boundaries around its first match", () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = `${S}sickle${E}`;
    expect(shown(words.join(" "), 10)).toBe(`… w34 w35 w36 w37 w38 w39 [sickle] w41 w42 w43 …`);
  });

  it("sets a heading apart from the paragraph after it", () => {
    expect(shown(`Fair ${S}technology${E} and innovation\nNew ideas should help.`)).toBe(
      "Fair [technology] and innovation – New ideas should help.",
    );
  });

  it("shows the opening sentences when nothing is marked, and nothing for no text", () => {
    expect(shown("First sentence here. Second one.")).toBe("First sentence here. Second one.");
    expect(snippetSegments("")).toEqual([]);
  });

  it("gives plain text only: markup in the text stays text", () => {
    expect(snippetSegments(`A <b>${S}bold${E}</b> claim.`)).toEqual([
      { text: "A <b>", match: false },
      { text: "bold", match: true },
      { text: "</b> claim.", match: false },
    ]);
  });
});
