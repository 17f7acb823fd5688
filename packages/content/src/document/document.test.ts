import { describe, expect, it } from "vitest";
import { checkDocument } from "./checks.ts";
import { documentFromHtml, documentToEditingHtml } from "./editing-html.ts";
import { renderDocumentDiff } from "./diff.ts";
import { documentFromMarkdown } from "./from-markdown.ts";
import { parseDocument } from "./parse.ts";
import { renderDocument } from "./render.ts";
import { documentText } from "./text.ts";
import type { BodyDocument, DocumentNode } from "./types.ts";

const text = (t: string, marks?: DocumentNode["marks"]): DocumentNode => ({
  type: "text",
  text: t,
  ...(marks ? { marks } : {}),
});
const p = (...content: DocumentNode[]): DocumentNode => ({ type: "paragraph", content });
const h = (level: number, t: string): DocumentNode => ({ type: "heading", attrs: { level }, content: [text(t)] });
const doc = (...content: DocumentNode[]): BodyDocument => ({ type: "doc", content });
const MEDIA = "abcdefghijklmnopqrstuvwx";
const image = (attrs: Record<string, unknown>): DocumentNode => ({
  type: "image",
  attrs: { mediaId: MEDIA, alt: "", decorative: false, caption: "", ...attrs },
});
const media = new Map([
  [
    MEDIA,
    {
      width: 1600,
      height: 900,
      src: "/media/x/1280.jpg",
      srcset: "/media/x/640.jpg 640w, /media/x/1280.jpg 1280w",
      sources: [{ type: "image/avif" as const, srcset: "/media/x/640.avif 640w" }],
      credit: "Photograph: A. Person",
    },
  ],
]);

describe("parseDocument", () => {
  it("keeps what the schema allows and drops attributes it does not know", () => {
    const parsed = parseDocument({
      type: "doc",
      content: [{ type: "heading", attrs: { level: 2, style: "x" }, content: [text("Hi")] }],
    });
    expect(parsed).toEqual({ ok: true, document: doc(h(2, "Hi")) });
  });

  it.each([
    ["an unknown block", { type: "doc", content: [{ type: "script", content: [text("x")] }] }],
    ["an unknown mark", doc(p(text("x", [{ type: "style", attrs: { css: "x" } }])))],
    ["text straight in the document", { type: "doc", content: [text("x")] }],
    ["a level 1 heading", doc(h(1, "Title"))],
    ["a javascript: link", doc(p(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])))],
    ["a protocol-relative link", doc(p(text("x", [{ type: "link", attrs: { href: "//evil.test" } }])))],
    ["an image that is not a library id", doc(image({ mediaId: "../../etc/passwd" }))],
    ["not a document", "<p>hello</p>"],
  ])("refuses %s with a message in plain words", (_, value) => {
    const parsed = parseDocument(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).not.toMatch(/RangeError|schema|node|undefined/i);
  });

  it("allows notes to editors and a press contact in press releases only", () => {
    const body = doc({ type: "notesToEditors", content: [p(text("About us"))] });
    expect(parseDocument(body, { kind: "PRESS_RELEASE" }).ok).toBe(true);
    expect(parseDocument(body, { kind: "NEWS" })).toMatchObject({ ok: false, message: /press releases/ });
  });
});

describe("renderDocument", () => {
  it("escapes every piece of text and writes NHS.UK markup", () => {
    const html = renderDocument(
      doc(
        h(2, "<script>alert(1)</script>"),
        p(
          text("a & b "),
          text("bold", [{ type: "bold" }]),
          text(" and "),
          text("link", [{ type: "link", attrs: { href: 'https://x.test/?a=1&b="' } }]),
        ),
        { type: "insetText", content: [p(text("Inset"))] },
        { type: "warningCallout", content: [{ type: "calloutHeading", content: [text("Careful")] }, p(text("Hot"))] },
        { type: "doDontList", attrs: { kind: "dont" }, content: [{ type: "listItem", content: [p(text("smoke"))] }] },
      ),
    );
    expect(html).toContain("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>");
    expect(html).toContain('<a href="https://x.test/?a=1&amp;b=&quot;">link</a>');
    expect(html).toContain(
      '<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span><p>Inset</p></div>',
    );
    // A component's own heading nests under the heading before it.
    expect(html).toContain(
      '<h3 class="nhsuk-card__heading"><span class="nhsuk-u-visually-hidden">Important: </span>Careful</h3>',
    );
    expect(html).toMatch(
      /<h3 class="nhsuk-card__heading nhsuk-card__heading--feature">Don't<\/h3><ul class="nhsuk-list nhsuk-list--cross" role="list"><li><svg[^>]*aria-hidden="true"[^>]*>.*<\/svg>do not smoke<\/li>/,
    );
  });

  it("writes a table's first row of header cells as its head", () => {
    const cell = (type: string, t: string) => ({ type, attrs: { colspan: 1, rowspan: 1 }, content: [p(text(t))] });
    const html = renderDocument(
      doc({
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Area"), cell("tableHeader", "Rate")] },
          { type: "tableRow", content: [cell("tableHeader", "North"), cell("tableCell", "4")] },
        ],
      }),
    );
    expect(html).toContain(
      '<thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th class="nhsuk-table__header" scope="col">Area</th>',
    );
    expect(html).toContain(
      '<th class="nhsuk-table__header" scope="row">North</th><td class="nhsuk-table__cell">4</td>',
    );
  });

  it("draws a library image at its size with every file it comes in, lazily below the first blocks", () => {
    const body = doc(p(text("one")), p(text("two")), image({ alt: "A clinic's waiting room", caption: "Waiting" }));
    const html = renderDocument(body, { media });
    expect(html).toContain('<source type="image/avif" srcset="/media/x/640.avif 640w"');
    expect(html).toMatch(
      /<img class="nhsuk-image__img" src="\/media\/x\/1280.jpg" srcset="[^"]+ 1280w" sizes="[^"]+" width="1600" height="900" alt="A clinic&#39;s waiting room" loading="lazy"/,
    );
    expect(html).toContain(
      '<figcaption class="nhsuk-image__caption">Waiting <span class="observatory-image-credit">Photograph: A. Person</span></figcaption>',
    );
    expect(renderDocument(doc(image({ alt: "x" })), { media })).not.toContain("loading=");
    // Read away from the site (a feed), every file's address is given in full.
    const away = renderDocument(doc(image({ alt: "x" })), { media, mediaBaseUrl: "https://example.org" });
    expect(away).toContain('srcset="https://example.org/media/x/640.avif 640w"');
    expect(away).toContain(
      'src="https://example.org/media/x/1280.jpg" srcset="https://example.org/media/x/640.jpg 640w, https://example.org/media/x/1280.jpg 1280w"',
    );
    // A decorative image is hidden from screen readers; one no longer in the library is left out.
    expect(renderDocument(doc(image({ alt: "x", decorative: true })), { media })).toContain('alt=""');
    expect(renderDocument(doc(image({ alt: "x" })))).toBe("");
    // An image whose size is not known goes without width and height rather than with zeros.
    const unsized = new Map([
      [MEDIA, { ...media.get(MEDIA), width: 0, height: 0 } as typeof media extends Map<string, infer M> ? M : never],
    ]);
    expect(renderDocument(doc(image({ alt: "x" })), { media: unsized })).not.toMatch(/width=|height=/);
  });

  it("links to another item by its current address, and writes the text alone when it is not public", () => {
    const itemId = "ckabcdefghijklmnopqrstu";
    const body = doc(p(text("our strategy", [{ type: "link", attrs: { href: "/old-address", itemId } }])));
    expect(renderDocument(body, { links: new Map([[itemId, "/priorities/new-address"]]) })).toBe(
      '<p><a href="/priorities/new-address">our strategy</a></p>',
    );
    expect(renderDocument(body)).toBe("<p>our strategy</p>");
  });
});

describe("documentFromMarkdown", () => {
  const words = (s: string) =>
    (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !["http", "https"].includes(w));

  const awkward = [
    "# A level one heading\n\nText with <b>inline html</b> &amp; entities, \\*escaped\\* stars and a_snake_case word.",
    "```\ncode block line one\nline two\n```\n\n    indented code",
    "> a quote\n> - with a list\n>\n> > and a nested quote",
    "1. one\n   - nested bullet\n     1. deeper\n3. three\n\n- [x] a task\n- [ ] another",
    "| Area | Rate |\n|:--|--:|\n| **North** | [four](/news/x) |\n| ![chart](https://x.test/c.png) | five |",
    '![An old image](https://example.com/a.png "its title")\n\n[unsafe](javascript:alert(1)) and [mail](mailto:a@b.test)',
    "<div>raw block html\n\nwith two parts</div>\n\n<script>alert('gone')</script>\n\n---\n\n###### six hashes",
    "Line one  \nline two with a hard break<br>and a br tag",
    "Term with trailing spaces   \n\n\n\n\nafter many blank lines",
  ];

  it.each(awkward)("loses no word of %j and makes a valid document", (markdown) => {
    const document = documentFromMarkdown(markdown);
    const parsed = parseDocument(document);
    expect(parsed.ok).toBe(true);
    const kept = new Set(words(documentText(document)));
    // Every word a reader saw is still there (addresses of links are kept on the links themselves).
    const source = markdown
      .replace(/^\s*\d+\.\s/gm, " ") // list numbers are markers, not words
      .replace(/\]\([^)]*\)/g, "]")
      .replace(/<script[\s\S]*?<\/script>/g, "");
    const missing = words(source.replace(/<[^>]+>|[#*_`>|:-]/g, " ").replace(/&amp;/g, "&")).filter(
      (w) => !kept.has(w) && !["x", "amp", "br", "div", "javascript", "alert", "mailto", "b", "test"].includes(w),
    );
    expect(missing).toEqual([]);
  });

  it("turns our own images into library images and links to our items into item links", () => {
    const document = documentFromMarkdown("Intro ![A chart](/media/abc.png) after.\n\n[Read the plan](/news/plan)", {
      mediaIdFor: (src) => (src === "/media/abc.png" ? MEDIA : null),
      itemIdFor: (href) => (href === "/news/plan" ? "ckabcdefghijklmnopqrstu" : null),
    });
    expect(document.content?.map((n) => n.type)).toEqual(["paragraph", "image", "paragraph", "paragraph"]);
    expect(document.content?.[1]?.attrs).toMatchObject({ mediaId: MEDIA, alt: "A chart" });
    expect(document.content?.[3]?.content?.[0]?.marks).toEqual([
      { type: "link", attrs: { href: "/news/plan", itemId: "ckabcdefghijklmnopqrstu" } },
    ]);
  });
});

describe("pasted and plain HTML", () => {
  it("keeps the structure of a Word document and drops its styles, classes and lists' markers", () => {
    const word = `<html><head><style>p{color:red}</style></head><body><!--[if gte mso 9]><xml>x</xml><![endif]-->
      <h1 class=MsoTitle style='font-family:Calibri'>Report</h1>
      <p class=MsoNormal style='font-size:12pt'>Some <span style='font-weight:bold'>bold</span> and <i>italic</i><o:p></o:p></p>
      <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;</span></span>First</p>
      <p class=MsoListParagraphCxSpLast style='mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>o<span>&nbsp;</span></span>Nested</p>
      <p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>Numbered</p>
      <p><a href="https://example.org/report">The report</a></p></body></html>`;
    const html = renderDocument(documentFromHtml(word));
    expect(html).toBe(
      [
        "<h2>Report</h2>",
        "<p>Some <strong>bold</strong> and <em>italic</em></p>",
        '<ul class="nhsuk-list nhsuk-list--bullet"><li><p>First</p><ul class="nhsuk-list nhsuk-list--bullet"><li>Nested</li></ul></li></ul>',
        '<ol class="nhsuk-list nhsuk-list--number"><li>Numbered</li></ol>',
        '<p><a href="https://example.org/report">The report</a></p>',
      ].join("\n"),
    );
  });

  it("reads Google Docs' styled spans as bold and italic, and not its wrapper as bold", () => {
    const docs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><h2 dir="ltr"><span style="font-size:16pt">Heading</span></h2><p dir="ltr"><span style="font-weight:700">Bold</span><span> plain </span><span style="font-style:italic">italic</span></p><table><tr><th>A</th></tr><tr><td>1</td></tr></table></b>`;
    const html = renderDocument(documentFromHtml(docs));
    expect(html).toContain("<h2>Heading</h2>\n<p><strong>Bold</strong> plain <em>italic</em></p>");
    expect(html).toContain('scope="col">A</th>');
  });

  it("drops scripts, handlers, unknown elements and unsafe links", () => {
    const html = renderDocument(
      documentFromHtml(
        '<p onclick="x" class="c">a<script>b</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">j</a></p>',
      ),
    );
    expect(html).toBe("<p>aj</p>");
  });

  it("round-trips every block through the editor's own HTML (the editor without JavaScript)", () => {
    const body = doc(
      h(2, "Heading"),
      { type: "insetText", content: [p(text("inset"))] },
      { type: "warningCallout", content: [{ type: "calloutHeading", content: [text("Careful")] }, p(text("hot"))] },
      { type: "doDontList", attrs: { kind: "dont" }, content: [{ type: "listItem", content: [p(text("smoke"))] }] },
      {
        type: "details",
        content: [
          { type: "detailsSummary", content: [text("More")] },
          { type: "detailsContent", content: [p(text("hidden"))] },
        ],
      },
      image({ alt: "A cat", caption: "cap" }),
      p(
        text("in", [{ type: "link", attrs: { href: "/news/a", itemId: "ckabcdefghijklmnopqrstu" } }]),
        text(" and "),
        text("out", [{ type: "bold" }]),
      ),
      { type: "pressContact", content: [p(text("Press office"))] },
    );
    const back = parseDocument(documentFromHtml(documentToEditingHtml(body)));
    expect(back).toEqual({
      ok: true,
      document: parseDocument(body).ok && (parseDocument(body) as { document: BodyDocument }).document,
    });
  });
});

describe("checkDocument", () => {
  const rules = (body: BodyDocument, options = {}) =>
    checkDocument(body, options).map((f) => `${f.severity}:${f.rule}`);

  it("passes a well-made body", () => {
    expect(
      rules(doc(h(2, "Why"), p(text("Short and clear.")), h(3, "How"), image({ alt: "Staff at a clinic desk" }))),
    ).toEqual([]);
  });

  it("finds the errors that block publication", () => {
    const cell = (t: string) => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1 }, content: [p(text(t))] });
    expect(
      rules(
        doc(
          h(3, "Skipped from the title"),
          { type: "heading", attrs: { level: 2 } },
          image({ alt: "" }),
          { type: "table", content: [{ type: "tableRow", content: [cell("a")] }] },
          p(text(" ", [{ type: "link", attrs: { href: "https://x.test" } }])),
        ),
      ),
    ).toEqual([
      "error:heading-skipped",
      "error:heading-empty",
      "error:image-alt-missing",
      "error:table-no-header",
      "error:link-empty",
    ]);
  });

  it("does not count a decorative image without alt text, or a component's own heading as a skip", () => {
    expect(
      rules(
        doc(
          image({ decorative: true }),
          { type: "warningCallout", content: [{ type: "calloutHeading", content: [text("Note")] }, p(text("x"))] },
          h(2, "Next"),
        ),
      ),
    ).toEqual([]);
  });

  it("warns about vague links, poor alt text, capitals and long sentences", () => {
    const link = (t: string) => p(text(t, [{ type: "link", attrs: { href: "https://example.org/a" } }]));
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");
    expect(
      rules(
        doc(
          link("Click here"),
          link("https://example.org/a"),
          image({ alt: "IMG_2041" }),
          image({ alt: "Image of a nurse" }),
          image({ alt: "x".repeat(200) }),
          p(text("PLEASE READ THIS NOTICE NOW.")),
          p(text(`${long}.`)),
        ),
        { mediaFileNames: new Map([[MEDIA, "IMG_2041.jpg"]]) },
      ),
    ).toEqual([
      "warning:link-vague",
      "warning:link-bare-address",
      "warning:alt-file-name",
      "warning:alt-redundant",
      "warning:alt-long",
      "warning:all-caps",
      "warning:sentence-long",
    ]);
  });

  it("gives a warning the same key while its words are unchanged", () => {
    const first = checkDocument(doc(p(text("Intro.")), p(text("READ THIS VERY IMPORTANT NOTICE."))));
    const second = checkDocument(doc(p(text("A new intro.")), p(text("READ THIS VERY IMPORTANT NOTICE."))));
    expect(first.map((f) => f.key)).toEqual(second.map((f) => f.key));
  });
});

describe("renderDocumentDiff", () => {
  it("marks the words taken out and put in, inside the newer body's own structure", () => {
    const li = (t: string) => ({ type: "listItem", content: [p(text(t))] });
    const before = doc(
      h(2, "Findings"),
      p(text("Waiting times differ by ethnicity.")),
      {
        type: "bulletList",
        content: [li("one"), li("two")],
      },
      p(text("An old closing line.")),
    );
    const after = doc(h(2, "Findings"), p(text("Waiting times differ by ethnicity (2023 figures).")), {
      type: "bulletList",
      content: [li("one"), li("three")],
    });
    const html = renderDocumentDiff(before, after);
    const added = (t: string) =>
      `<ins class="observatory-diff-added"><span class="nhsuk-u-visually-hidden">Added: </span>${t}</ins>`;
    const removed = (t: string) =>
      `<del class="observatory-diff-removed"><span class="nhsuk-u-visually-hidden">Removed: </span>${t}</del>`;
    expect(html).toContain(`<h2>Findings</h2>\n<p>Waiting times differ by ethnicity${added(" (2023 figures)")}.</p>`);
    expect(html).toContain(`<li>one</li><li>${removed("two")} ${added("three")}</li>`);
    expect(html).toContain(`<p>${removed("An old closing line.")}</p>`);
    // The newer body's tags, and only those, in the same order.
    const tags = (s: string) => (s.match(/<\/?(h2|p|ul|li)\b/g) ?? []).join("");
    expect(tags(html.replace(/<p><del[\s\S]*<\/del><\/p>$/, ""))).toBe(tags(renderDocument(after)));
  });

  it("says nothing changed when nothing did", () => {
    const body = doc(p(text("Same words.")));
    expect(renderDocumentDiff(body, body)).toBe(renderDocument(body));
  });
});
