import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./markdown.ts";

describe("renderMarkdown", () => {
  it("renders headings, lists and relative links", () => {
    const html = renderMarkdown("## Why\n\n- one\n- two\n\n[Our priorities](/priorities)");
    expect(html).toContain("<h2>Why</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="/priorities">Our priorities</a>');
  });

  it("strips scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="https://x.test/a.png" onerror="alert(2)" alt="a">\n\n[click](javascript:alert)',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain('alt="a"');
    expect(html).toContain("<a>click</a>");
  });

  it("demotes a level-one heading so the page title stays the only h1", () => {
    expect(renderMarkdown("# Title")).toBe("<h2>Title</h2>\n");
  });
});

describe("markdownToText", () => {
  it("gives plain text without markup", () => {
    expect(markdownToText("## Hello\n\n**bold** and <b>tags</b>")).toBe("Hello bold and tags");
  });
});
