import type { Browser } from "@playwright/test";

// Headings nest: a page has one h1, and each heading is at most one level below the one before it
// (an h3 under an h1 leaves a screen reader user wondering what they missed). Going back up any
// number of levels is fine.

/** What is wrong with a page's heading levels, in document order; an empty list when they nest. */
export function headingProblems(levels: number[]): string[] {
  const problems: string[] = [];
  const h1s = levels.filter((level) => level === 1).length;
  if (h1s !== 1) problems.push(`${h1s} h1 headings (a page has exactly one)`);
  levels.reduce((previous, level) => {
    if (level > previous + 1) problems.push(`h${level} follows h${previous}`);
    return level;
  }, 1);
  return problems;
}

/**
 * The heading levels of each page's HTML as a browser parses it (scripts off, so the levels are the
 * served page's), in document order.
 */
export async function headingLevels(browser: Browser, pages: { html: string }[]): Promise<number[][]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    // The pages' stylesheets and images are not needed to read their headings.
    await context.route("**/*", (route) => route.abort());
    const page = await context.newPage();
    const levels: number[][] = [];
    for (const { html } of pages) {
      await page.setContent(html, { waitUntil: "domcontentloaded" });
      levels.push(
        await page.$$eval("h1, h2, h3, h4, h5, h6", (headings) => headings.map((h) => Number(h.tagName.slice(1)))),
      );
    }
    return levels;
  } finally {
    await context.close();
  }
}
