import type { Page } from "@playwright/test";
import { items as seedItems, workstreams as seedWorkstreams } from "@observatory/demo/content";
import { urls } from "../playwright.config";
import { expect, expectAccessible, test } from "../fixtures";
import { deleteItems, insertItems, withDb } from "./public-helpers";
import { keepOnlySeedContent } from "./public-helpers";

test.beforeAll(keepOnlySeedContent);

// How readers and machines find the portal's content: search, Atom feeds, the sitemap, robots.txt,
// per-page meta, and HTTP caching. Only published content may appear in any of them.

const sectionOf = {
  NEWS: "news",
  BLOG: "blogs",
  PRESS_RELEASE: "press-releases",
  PAGE: "",
  PUBLICATION: "publications",
} as const;
const pathOf = (item: { kind: keyof typeof sectionOf; slug: string }) =>
  item.kind === "PAGE" ? `/${item.slug}` : `/${sectionOf[item.kind]}/${item.slug}`;
const listedSeedItems = seedItems.filter((i) => i.kind !== "PAGE");

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

type AtomEntry = {
  title: string;
  id: string;
  link: string;
  published: string;
  updated: string;
  categories: string[];
  author: string;
  content: string;
};
type AtomFeed = {
  error: string | null;
  root: string;
  ns: string;
  title: string;
  self: string;
  alternate: string;
  entries: AtomEntry[];
};

const kindLabels = {
  NEWS: "News",
  BLOG: "Blog",
  PRESS_RELEASE: "Press release",
  PAGE: "Page",
  PUBLICATION: "Publication",
} as const;
/** How many entries a feed holds: the newest. */
const FEED_SIZE = 30;

/** Parses an Atom document with the browser's XML parser. */
async function parseAtom(page: Page, xml: string): Promise<AtomFeed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.querySelector("parsererror")?.textContent ?? null;
    const root = doc.documentElement;
    const child = (el: Element, name: string) => Array.from(el.children).find((c) => c.localName === name);
    // A link without rel is the alternate (RFC 4287).
    const linkTo = (el: Element, rel: string) =>
      Array.from(el.children)
        .find((c) => c.localName === "link" && (c.getAttribute("rel") ?? "alternate") === rel)
        ?.getAttribute("href") ?? "";
    const entries = Array.from(root.children)
      .filter((c) => c.localName === "entry")
      .map((entry) => ({
        title: child(entry, "title")?.textContent ?? "",
        id: child(entry, "id")?.textContent ?? "",
        link: linkTo(entry, "alternate"),
        published: child(entry, "published")?.textContent ?? "",
        updated: child(entry, "updated")?.textContent ?? "",
        categories: Array.from(entry.children)
          .filter((c) => c.localName === "category")
          .map((c) => c.getAttribute("term") ?? ""),
        author: child(entry, "author")?.textContent?.trim() ?? "",
        content: child(entry, "content")?.textContent ?? "",
      }));
    return {
      error,
      root: root.localName,
      ns: root.namespaceURI ?? "",
      title: child(root, "title")?.textContent ?? "",
      self: linkTo(root, "self"),
      alternate: linkTo(root, "alternate"),
      entries,
    };
  }, xml);
}

async function sitemapLocations(page: Page, xml: string): Promise<{ error: string | null; locs: string[] }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      locs: Array.from(doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")).map(
        (l) => l.textContent ?? "",
      ),
    };
  }, xml);
}

test.describe("search", () => {
  test("a reader searches from the header and gets ranked results with the words highlighted", async ({ page }) => {
    await page.goto("/");
    await page.locator("#search-field").fill("sickle cell");
    await page.locator("#search-field").press("Enter");
    await expect(page).toHaveURL(`${urls.web}/search?q=sickle+cell`);
    await expect(heading(page)).toHaveText("Search results for sickle cell");
    await expect(page.locator("#search-query")).toHaveValue("sickle cell");
    const results = page.getByRole("main").locator("li h2 a");
    // The item with the words in its title ranks first.
    await expect(results.first()).toHaveText("Genomics and sickle cell: making sure progress reaches everyone");
    await expect(page.getByText(/^\d+ results?$/)).toBeVisible();
    const marks = page.locator(".observatory-search-snippet mark");
    expect(await marks.count()).toBeGreaterThan(0);
    for (const mark of await marks.all()) await expect(mark).toHaveText(/^(sickle|cell)/i);
    await expectAccessible(page);

    await results.first().click();
    await expect(heading(page)).toHaveText("Genomics and sickle cell: making sure progress reaches everyone");
  });

  test("a result's snippet quotes the page as readers see it, in sentences, with the words marked", async ({
    page,
  }) => {
    await page.goto("/search?q=innovation+bias");
    const strategy = page
      .getByRole("main")
      .locator("li", { has: page.getByRole("link", { name: "Our strategy", exact: true }) });
    const snippet = strategy.locator(".observatory-search-snippet");
    await expect(snippet).toContainText("We will encourage innovation that removes bias");
    await expect(snippet).not.toContainText("/priorities");
    await expect(snippet).not.toContainText("- ");
    await expect(snippet.locator("mark")).toHaveText(["innovation", "bias"]);
  });

  test("the search page explains when nothing matches, and copes with an empty or odd query", async ({ page }) => {
    await page.goto("/search");
    await expect(heading(page)).toHaveText("Search");
    await expect(page.getByText(/We found no results/)).toHaveCount(0);
    await expectAccessible(page);

    await page.locator("#search-query").fill("zzqx glorptastic");
    await page.getByRole("main").getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(`${urls.web}/search?q=zzqx+glorptastic`);
    await expect(page.getByText("We found no results for “zzqx glorptastic”.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "priorities" })).toHaveAttribute(
      "href",
      "/priorities",
    );
    await expectAccessible(page);

    // Operators and markup are searched as words and shown as text.
    const odd = `"<b>maternity</b>" & | ! ( ) :* -`;
    const response = await page.goto(`/search?q=${encodeURIComponent(odd)}`);
    expect(response?.status()).toBe(200);
    await expect(heading(page)).toHaveText(`Search results for ${odd.replace(/\s+/g, " ")}`);
    await expect(page.locator("main b")).toHaveCount(0);
  });

  test("a misspelt search finds what was meant, and the filters beside the results work without JavaScript", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: urls.web, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/search?q=maternaty");
    await expect(heading(page)).toHaveText("Search results for maternity");
    await expect(
      page.getByText("We found no results for “maternaty”, so these are the results for “maternity”."),
    ).toBeVisible();
    const results = page.getByRole("main").locator("li h2 a");
    const kindLines = page.getByRole("main").locator("li h2 + p");
    await expect(results.first()).toHaveText("Safer maternity care for every family");
    await expect(results.getByText("Our strategy")).toHaveCount(1);

    // By keyboard alone: tick "Blogs", then apply the filters.
    const filters = page.getByRole("form", { name: "Filter the results" });
    await filters.getByLabel("Blogs").focus();
    await page.keyboard.press("Space");
    await filters.getByRole("button", { name: "Apply filters" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${urls.web}/search?q=maternaty&kind=blogs&priority=&year=`);
    await expect(filters.getByLabel("Blogs")).toBeChecked();
    await expect(results.getByText("Our strategy")).toHaveCount(0);
    await expect(kindLines.filter({ hasNotText: /^Blog ·/ })).toHaveCount(0);
    // A new query keeps the filters.
    await page.locator("#search-query").fill("sickel cell");
    await page.locator("#search-query").press("Enter");
    await expect(heading(page)).toHaveText("Search results for sickle cell");
    await expect(page).toHaveURL(/kind=blogs/);
    await expect(
      page
        .getByRole("main")
        .locator(".nhsuk-body-s")
        .filter({ hasText: /^Blog ·/ }),
    ).not.toHaveCount(0);
    await expect(
      page
        .getByRole("main")
        .locator(".nhsuk-body-s")
        .filter({ hasText: /^(News|Press release) ·/ }),
    ).toHaveCount(0);

    // A page past the last says so, and leads back.
    await page.goto("/search?q=maternity&page=40");
    await expect(page.getByText(/There is no page 40 of these results/)).toBeVisible();
    await page.getByRole("link", { name: "Go to the results" }).click();
    await expect(results).not.toHaveCount(0);
    await context.close();
  });

  test("a very long query is cut short and searched, not an error", async ({ request }) => {
    // The API promises "Long or odd queries are cut and searched as words, never rejected".
    const response = await request.get(`/search?q=${encodeURIComponent("maternity ".repeat(150))}`);
    expect(response.status()).toBe(200);
    expect((await response.text()).includes("Search results for maternity maternity")).toBe(true);
  });
});

test.describe("only published content is discoverable", () => {
  // A draft and an item scheduled for next week, each with a word no published item uses.
  const hidden = [
    { slug: "e2e-draft-quokkaberry", title: "Quokkaberry draft announcement", kind: "NEWS", state: "DRAFT" },
    {
      slug: "e2e-scheduled-quokkaberry",
      title: "Quokkaberry scheduled statement",
      kind: "PRESS_RELEASE",
      state: "SCHEDULED",
    },
  ] as const;
  let ids: string[] = [];
  test.beforeAll(async () => {
    ids = await insertItems(hidden.map((h) => ({ ...h, workstreams: ["mental-health"] })));
  });
  test.afterAll(async () => {
    await deleteItems(ids);
  });

  test("drafts and scheduled items are in no page, listing, search, feed or sitemap", async ({ request }) => {
    for (const path of ["/news/e2e-draft-quokkaberry", "/press-releases/e2e-scheduled-quokkaberry"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    for (const path of [
      "/",
      "/news",
      "/press-releases",
      "/priorities/mental-health",
      "/feeds/all.xml",
      "/feeds/news.xml",
      "/feeds/press-releases.xml",
      "/feeds/priorities/mental-health.xml",
      "/sitemap.xml",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect((await response.text()).toLowerCase().includes("quokkaberry"), `${path} lists a hidden item`).toBe(false);
    }
    // The search page repeats the query, but finds nothing.
    const search = (await (await request.get("/search?q=quokkaberry")).text()).replace(/<!-- -->/g, "");
    expect(search.includes("We found no results for “quokkaberry”."), "search finds nothing").toBe(true);
    expect(search.includes("Quokkaberry"), "search shows a hidden title").toBe(false);
  });
});

test.describe("feeds", () => {
  test("the Atom feed of everything is valid and gives the newest items whole, newest first", async ({
    page,
    request,
  }) => {
    const response = await request.get("/feeds/all.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/atom+xml");
    const feed = await parseAtom(page, await response.text());
    expect(feed.error).toBeNull();
    expect(feed.root).toBe("feed");
    expect(feed.ns).toBe("http://www.w3.org/2005/Atom");
    expect(feed.title).toBe("NHS Race and Health Observatory: news, blogs and press releases");
    expect(feed.self).toBe(`${urls.web}/feeds/all.xml`);
    expect(feed.alternate).toBe(`${urls.web}/`);

    const newest = [...listedSeedItems].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, FEED_SIZE);
    expect(feed.entries.map((e) => e.title).sort()).toEqual(newest.map((i) => i.title).sort());
    for (const entry of feed.entries) {
      const item = listedSeedItems.find((i) => i.title === entry.title);
      expect(entry.link).toBe(`${urls.web}${pathOf(item ?? { kind: "PAGE", slug: "" })}`);
      expect(entry.id).toBe(entry.link);
      expect(new Date(entry.published).toISOString()).toBe(entry.published);
      expect(new Date(entry.updated).toISOString()).toBe(entry.updated);
      // Its type and its priorities, by name; its author; its whole body, with full addresses.
      const priorities = seedWorkstreams.filter((w) => item?.workstreams.includes(w.slug)).map((w) => w.title);
      expect(entry.categories).toEqual([item && kindLabels[item.kind], ...priorities]);
      expect(entry.author).not.toBe("");
      expect(entry.content).toContain("<p>");
      expect(entry.content).not.toMatch(/(href|src)="\//);
    }
    const published = feed.entries.map((e) => e.published);
    expect(published).toEqual([...published].sort().reverse());
  });

  test("each kind and each priority has its own feed, and an unknown one is a 404", async ({ page, request }) => {
    const news = await parseAtom(page, await (await request.get("/feeds/news.xml")).text());
    expect(news.error).toBeNull();
    expect(news.alternate).toBe(`${urls.web}/news`);
    expect(news.entries.map((e) => e.title).sort()).toEqual(
      seedItems
        .filter((i) => i.kind === "NEWS")
        .map((i) => i.title)
        .sort(),
    );

    const priority = await parseAtom(page, await (await request.get("/feeds/priorities/mental-health.xml")).text());
    expect(priority.error).toBeNull();
    expect(priority.title).toBe("NHS Race and Health Observatory: Mental health");
    expect(priority.alternate).toBe(`${urls.web}/priorities/mental-health`);
    expect(priority.entries.map((e) => e.title).sort()).toEqual(
      listedSeedItems
        .filter((i) => i.workstreams.includes("mental-health"))
        .map((i) => i.title)
        .sort(),
    );

    for (const path of [
      "/feeds/priorities/no-such-priority.xml",
      "/feeds/nothing.xml",
      "/feeds/news.json",
      "/feeds/priorities/mental-health.atom",
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });

  test("each feed also comes as RSS 2.0, with the same items whole", async ({ page, request }) => {
    const response = await request.get("/feeds/blogs.rss");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/rss+xml");
    const rss = await page.evaluate(
      (text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        const channel = doc.querySelector("rss > channel");
        return {
          error: doc.querySelector("parsererror")?.textContent ?? null,
          version: doc.documentElement.getAttribute("version"),
          link: channel?.querySelector(":scope > link")?.textContent ?? "",
          items: Array.from(doc.querySelectorAll("item")).map((item) => ({
            title: item.querySelector("title")?.textContent ?? "",
            creator: item.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator")[0]?.textContent ?? "",
            content:
              item.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")[0]?.textContent ?? "",
            categories: Array.from(item.querySelectorAll("category")).map((c) => c.textContent),
          })),
        };
      },
      await response.text(),
    );
    expect(rss.error).toBeNull();
    expect(rss.version).toBe("2.0");
    expect(rss.link).toBe(`${urls.web}/blogs`);
    expect(rss.items.map((i) => i.title).sort()).toEqual(
      seedItems
        .filter((i) => i.kind === "BLOG")
        .map((i) => i.title)
        .sort(),
    );
    for (const item of rss.items) {
      expect(item.creator).not.toBe("");
      expect(item.content).toContain("<p>");
      expect(item.categories[0]).toBe("Blog");
    }
  });

  test("a feed answers a repeat request with 304 Not Modified, by ETag or by date", async ({ request }) => {
    for (const path of ["/feeds/all.xml", "/feeds/news.rss", "/feeds/priorities/mental-health.xml"]) {
      const first = await request.get(path);
      const { etag, "last-modified": lastModified } = first.headers();
      expect(etag, path).toMatch(/^W\/".+"$/);
      expect(lastModified, path).toMatch(/GMT$/);
      const byEtag = await request.get(path, { headers: { "If-None-Match": etag ?? "" } });
      expect(byEtag.status(), path).toBe(304);
      expect(await byEtag.body(), path).toHaveLength(0);
      const byDate = await request.get(path, { headers: { "If-Modified-Since": lastModified ?? "" } });
      expect(byDate.status(), path).toBe(304);
      const changed = await request.get(path, { headers: { "If-None-Match": 'W/"something-else"' } });
      expect(changed.status(), path).toBe(200);
    }
  });

  test("the sitemap and robots.txt answer a repeat request with 304 Not Modified, by ETag", async ({ request }) => {
    for (const path of ["/sitemap.xml", "/robots.txt"]) {
      const first = await request.get(path);
      const { etag } = first.headers();
      expect(etag, path).toMatch(/^W\/".+"$/);
      // No date covers every change to them (the sitemap loses an entry with no date moving).
      expect(first.headers()["last-modified"], path).toBeUndefined();
      const again = await request.get(path, { headers: { "If-None-Match": etag ?? "" } });
      expect(again.status(), path).toBe(304);
      expect(await again.body(), path).toHaveLength(0);
      const changed = await request.get(path, { headers: { "If-None-Match": 'W/"something-else"' } });
      expect(changed.status(), path).toBe(200);
      expect(await changed.text(), path).toBe(await first.text());
    }
  });

  test("each page advertises its own feed: a section its section's, a priority its priority's", async ({ page }) => {
    const advertised = async (path: string) => {
      await page.goto(path);
      return page
        .locator('head link[rel="alternate"]')
        .evaluateAll((links) => links.map((l) => `${l.getAttribute("type")} ${l.getAttribute("href")}`));
    };
    expect(await advertised("/news")).toEqual(
      expect.arrayContaining(["application/atom+xml /feeds/news.xml", "application/rss+xml /feeds/news.rss"]),
    );
    expect(await advertised("/blogs/pulse-oximeters-accuracy-across-skin-tones")).toEqual(
      expect.arrayContaining(["application/atom+xml /feeds/blogs.xml", "application/rss+xml /feeds/blogs.rss"]),
    );
    expect(await advertised("/press-releases")).toContain("application/rss+xml /feeds/press-releases.rss");
    expect(await advertised("/priorities/mental-health")).toEqual(
      expect.arrayContaining([
        "application/atom+xml /feeds/priorities/mental-health.xml",
        "application/rss+xml /feeds/priorities/mental-health.rss",
      ]),
    );
  });

  test("the feeds page links every feed and every page advertises the main feed", async ({ page }) => {
    await page.goto("/feeds");
    for (const w of seedWorkstreams) {
      await expect(page.getByRole("link", { name: w.title, exact: true })).toHaveAttribute(
        "href",
        `/feeds/priorities/${w.slug}.xml`,
      );
      await expect(page.getByRole("link", { name: `RSS version of ${w.title}`, exact: true })).toHaveAttribute(
        "href",
        `/feeds/priorities/${w.slug}.rss`,
      );
    }
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      "href",
      "/feeds/all.xml",
    );
    await expectAccessible(page);
  });
});

test.describe("sitemap and robots", () => {
  test("the sitemap lists every published page and priority, and robots.txt points to it", async ({
    page,
    request,
  }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("xml");
    const { error, locs } = await sitemapLocations(page, await response.text());
    expect(error).toBeNull();
    const expected = [
      "/",
      "/priorities",
      "/news",
      "/blogs",
      "/press-releases",
      ...seedWorkstreams.map((w) => `/priorities/${w.slug}`),
      ...seedItems.map(pathOf),
    ].map((path) => new URL(path, urls.web).toString());
    for (const url of expected) expect(locs, url).toContain(url);
    expect(new Set(locs).size).toBe(locs.length);

    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(robots.headers()["content-type"]).toContain("text/plain");
    const text = await robots.text();
    expect(text).toContain(`Sitemap: ${urls.web}/sitemap.xml`);
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
  });
});

test.describe("meta", () => {
  test("every article and page has a canonical link, OpenGraph and Twitter card", async ({ page }) => {
    const samples = [
      seedItems.find((i) => i.kind === "NEWS"),
      seedItems.find((i) => i.kind === "BLOG"),
      seedItems.find((i) => i.kind === "PRESS_RELEASE"),
      seedItems.find((i) => i.kind === "PAGE"),
    ];
    for (const item of samples) {
      if (!item) throw new Error("the seed lacks a kind");
      const path = pathOf(item);
      await page.goto(path);
      const url = `${urls.web}${path}`;
      const meta = (attr: string, value: string) => page.locator(`head meta[${attr}="${value}"]`);
      await expect(page.locator('head link[rel="canonical"]'), path).toHaveAttribute("href", url);
      await expect(page).toHaveTitle(`${item.title} - NHS Race and Health Observatory`);
      await expect(meta("name", "description")).toHaveAttribute("content", item.summary);
      await expect(meta("property", "og:title")).toHaveAttribute("content", item.title);
      await expect(meta("property", "og:url")).toHaveAttribute("content", url);
      await expect(meta("property", "og:type")).toHaveAttribute(
        "content",
        item.kind === "PAGE" ? "website" : "article",
      );
      await expect(meta("property", "og:description")).toHaveAttribute("content", item.summary);
      await expect(meta("property", "og:image")).toHaveAttribute("content", /^http:\/\/localhost:\d+\/assets\//);
      await expect(meta("name", "twitter:card")).toHaveAttribute("content", "summary");
      await expect(meta("name", "twitter:title")).toHaveAttribute("content", item.title);
    }
  });
});

test.describe("HTTP caching", () => {
  test("public pages, feeds and the sitemap may be cached by browsers and a CDN", async ({ request }) => {
    for (const path of [
      "/",
      "/priorities",
      "/priorities/workforce",
      "/news",
      "/blogs?page=1",
      "/blogs/pulse-oximeters-accuracy-across-skin-tones",
      "/about",
      "/search?q=maternity",
      "/feeds/all.xml",
      "/sitemap.xml",
      "/robots.txt",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const cacheControl = response.headers()["cache-control"] ?? "";
      expect(cacheControl, path).toMatch(/\bpublic\b/);
      expect(cacheControl, path).toMatch(/\bs-maxage=\d+/);
    }
  });

  test("a repeat request for an unchanged page is answered 304 Not Modified", async ({ request }) => {
    for (const path of ["/", "/news", "/about", "/press-releases/workforce-programme-pay-progression-and-bullying"]) {
      const first = await request.get(path);
      const etag = first.headers().etag;
      expect(etag, path).toMatch(/^W\/".+"$/);
      const again = await request.get(path, { headers: { "If-None-Match": etag ?? "" } });
      expect(again.status(), path).toBe(304);
      expect(await again.body(), path).toHaveLength(0);
      const stale = await request.get(path, { headers: { "If-None-Match": 'W/"something-else"' } });
      expect(stale.status(), path).toBe(200);
    }
  });

  test("a page answered from the server's cache gives each reader the same page with a comment form and a script nonce of their own", async ({
    request,
  }) => {
    const path = "/blogs/pulse-oximeters-accuracy-across-skin-tones";
    const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
    await request.get(path);
    const pages: { html: string; nonce: string }[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await request.get(path);
      expect(response.headers()["x-page-cache"]).toBe("hit");
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "";
      pages.push({ html: await response.text(), nonce });
    }
    const [a = { html: "", nonce: "" }, b = { html: "", nonce: "" }] = pages;
    const [tokenA, tokenB] = [tokenOf(a.html), tokenOf(b.html)];
    expect(tokenA).not.toBe("");
    expect(tokenB).not.toBe(tokenA);
    expect(a.nonce).not.toBe("");
    expect(b.nonce).not.toBe(a.nonce);
    // Every script of each page carries that response's own nonce.
    for (const { html, nonce } of pages) {
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(2);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    }
    // The token is in the form (pages carry no route data: decision 023); everything else is the same page.
    const generic = (page: { html: string; nonce: string }, token: string) =>
      page.html.replaceAll(page.nonce, "NONCE").split(token);
    expect(a.html.split(tokenA)).toHaveLength(2);
    expect(generic(b, tokenB)).toEqual(generic(a, tokenA));
  });

  test("after an unrelated edit, an unchanged page still revalidates with 304, even with a comment form", async ({
    request,
  }) => {
    // Any edit invalidates the server's page cache, so pages are rendered again; a page whose content
    // did not change must get the same ETag. The comment form's signed timestamp differs on every
    // render and is meant to be left out of the ETag (apps/web/app/entry.server.tsx).
    const paths = ["/about", "/blogs/pulse-oximeters-accuracy-across-skin-tones"];
    const etags = new Map<string, string>();
    for (const path of paths) etags.set(path, (await request.get(path)).headers().etag ?? "");
    // An edit that changes nothing these pages show.
    await withDb((db) => db.workstream.update({ where: { slug: "mental-health" }, data: { updatedAt: new Date() } }));
    for (const path of paths) {
      const again = await request.get(path, { headers: { "If-None-Match": etags.get(path) ?? "" } });
      expect(again.status(), `revalidating ${path}`).toBe(304);
    }
  });
});
