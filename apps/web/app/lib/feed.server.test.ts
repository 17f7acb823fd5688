import { describe, expect, it } from "vitest";
import { type Element, xml2js } from "xml-js";
import { type FeedItem, feedChanged, feedDocument, feedUpdated } from "./feed.server";

const siteUrl = "https://observatory.example";

const items: FeedItem[] = [
  {
    path: "/news/pulse-oximeters",
    title: "Pulse oximeters & skin tone: <what> we found",
    summary: "Readings can be less accurate on darker skin.",
    contentHtml: `<p>See <a href="${siteUrl}/blogs/oximetry">our blog</a>.</p><img src="${siteUrl}/media/a/640.jpg" alt="A reading">`,
    authorName: "Dr Ada Example",
    kind: "NEWS",
    workstreams: [
      { slug: "technology-innovation", title: "Fair technology and innovation" },
      { slug: "data-research", title: "Better data and research" },
    ],
    publishedAt: new Date("2024-02-20T09:00:00Z"),
    updatedAt: new Date("2024-03-01T10:30:00Z"),
    changedAt: new Date("2024-03-01T10:30:00Z"),
  },
  {
    path: "/blogs/trust",
    title: "Building trust takes time",
    summary: "What communities told us.",
    contentHtml: "",
    authorName: "Sam Writer",
    kind: "BLOG",
    workstreams: [],
    publishedAt: new Date("2023-11-02T09:00:00Z"),
    updatedAt: new Date("2023-11-02T09:00:00Z"),
    // A typo fixed since: the document changed, its announced date did not.
    changedAt: new Date("2024-04-05T08:00:00Z"),
  },
];

const spec = { title: "Observatory: news", selfPath: "/feeds/news.xml", pagePath: "/news", siteUrl, items };

/** The document parsed by a strict XML parser: a malformed document throws. */
function parse(xml: string): Element {
  return xml2js(xml, { compact: false }) as Element;
}
const children = (element: Element | undefined, name: string) =>
  (element?.elements ?? []).filter((e) => e.name === name);
const child = (element: Element | undefined, name: string) => children(element, name)[0];
const text = (element: Element | undefined) => (element?.elements ?? []).map((e) => e.text ?? e.cdata ?? "").join("");

describe("Atom feed", () => {
  const root = child(parse(feedDocument("xml", spec)), "feed");
  const entries = children(root, "entry");

  it("is Atom with its own address and its own page as the alternate", () => {
    expect(root?.attributes?.xmlns).toBe("http://www.w3.org/2005/Atom");
    const links = children(root, "link").map((l) => l.attributes);
    expect(links).toContainEqual({ rel: "self", href: `${siteUrl}/feeds/news.xml` });
    expect(links).toContainEqual({ rel: "alternate", href: `${siteUrl}/news` });
    expect(text(child(root, "updated"))).toBe("2024-03-01T10:30:00.000Z");
  });

  it("gives each entry its whole body, author, readable categories and both dates", () => {
    expect(entries).toHaveLength(2);
    const [first, second] = entries;
    expect(text(child(first, "id"))).toBe(`${siteUrl}/news/pulse-oximeters`);
    expect(child(first, "link")?.attributes?.href).toBe(`${siteUrl}/news/pulse-oximeters`);
    // Titles are HTML in Atom: the reader shows the characters, not markup.
    expect(child(first, "title")?.attributes?.type).toBe("html");
    expect(text(child(first, "title"))).toBe("Pulse oximeters &amp; skin tone: &lt;what&gt; we found");
    expect(child(first, "content")?.attributes?.type).toBe("html");
    expect(text(child(first, "content"))).toBe(items[0]?.contentHtml);
    expect(text(child(child(first, "author"), "name"))).toBe("Dr Ada Example");
    expect(children(first, "category").map((c) => c.attributes)).toEqual([
      { label: "News", term: "News", scheme: `${siteUrl}/news` },
      {
        label: "Fair technology and innovation",
        term: "Fair technology and innovation",
        scheme: `${siteUrl}/priorities/technology-innovation`,
      },
      {
        label: "Better data and research",
        term: "Better data and research",
        scheme: `${siteUrl}/priorities/data-research`,
      },
    ]);
    expect(text(child(first, "published"))).toBe("2024-02-20T09:00:00.000Z");
    expect(text(child(first, "updated"))).toBe("2024-03-01T10:30:00.000Z");
    // An empty body still has content: the summary.
    expect(text(child(second, "content"))).toBe("<p>What communities told us.</p>");
  });

  it("says nothing about what wrote it", () => {
    expect(child(root, "generator")).toBeUndefined();
  });
});

describe("RSS 2.0 feed", () => {
  const rss = child(parse(feedDocument("rss", { ...spec, selfPath: "/feeds/news.rss" })), "rss");
  const channel = child(rss, "channel");
  const [first] = children(channel, "item");

  it("is RSS 2.0 with its own address and its own page", () => {
    expect(rss?.attributes?.version).toBe("2.0");
    expect(text(child(channel, "link"))).toBe(`${siteUrl}/news`);
    expect(child(channel, "atom:link")?.attributes).toMatchObject({ href: `${siteUrl}/feeds/news.rss`, rel: "self" });
    expect(text(child(channel, "description"))).not.toBe("");
  });

  it("gives each item its body, its author as dc:creator, categories by name and the publication date", () => {
    expect(text(child(first, "title"))).toBe(items[0]?.title);
    expect(text(child(first, "content:encoded"))).toBe(items[0]?.contentHtml);
    expect(text(child(first, "dc:creator"))).toBe("Dr Ada Example");
    expect(child(first, "author")).toBeUndefined();
    expect(children(first, "category").map(text)).toEqual([
      "News",
      "Fair technology and innovation",
      "Better data and research",
    ]);
    expect(text(child(first, "pubDate"))).toBe("Tue, 20 Feb 2024 09:00:00 GMT");
  });
});

describe("feedUpdated and feedChanged", () => {
  it("are the newest entry's last major change and last change of any kind, fixed for an empty feed", () => {
    expect(feedUpdated(items).toISOString()).toBe("2024-03-01T10:30:00.000Z");
    expect(feedChanged(items).toISOString()).toBe("2024-04-05T08:00:00.000Z");
    expect(feedUpdated([]).getTime()).toBe(0);
    expect(feedChanged([]).getTime()).toBe(0);
  });
});

describe("a withdrawn item's entry", () => {
  const withdrawn: FeedItem = { ...(items[1] as FeedItem), withdrawnAt: new Date("2024-05-04T08:00:00Z") };
  const root = child(parse(feedDocument("xml", { ...spec, items: [withdrawn] })), "feed");
  const [entry] = children(root, "entry");

  it("stays in the feed, marked withdrawn and updated as of its withdrawal", () => {
    expect(text(child(entry, "title"))).toBe("Withdrawn: Building trust takes time");
    expect(text(child(entry, "updated"))).toBe("2024-05-04T08:00:00.000Z");
    expect(feedUpdated([withdrawn]).toISOString()).toBe("2024-05-04T08:00:00.000Z");
  });
});
