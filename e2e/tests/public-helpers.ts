import type { Page } from "@playwright/test";
import pg from "pg";
import { items as seedItems } from "@observatory/demo/content";
import { databaseUrl } from "../playwright.config";
import { expect, expectAccessible } from "../fixtures";

// Shared by the public portal journeys: direct database access (to add content the seed lacks and to
// check what a form stored), and the comment form's minimum-time wait.

export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The public journeys count what the seed published, so they start from it: content that other
 * journeys created earlier in the run (the editorial journey publishes an item) is removed first.
 */
export async function keepOnlySeedContent(): Promise<void> {
  await withDb((client) =>
    client.query(`DELETE FROM "ContentItem" WHERE NOT (slug = ANY($1::text[]))`, [seedItems.map((i) => i.slug)]),
  );
}

export type ExtraItem = {
  slug: string;
  title: string;
  kind?: "NEWS" | "BLOG" | "PRESS_RELEASE";
  /** PUBLISHED (live since publishedAt), DRAFT (never published) or SCHEDULED (goes live at publishAt). */
  state?: "PUBLISHED" | "DRAFT" | "SCHEDULED";
  publishedAt?: Date;
  publishAt?: Date;
  summary?: string;
  body?: string;
  workstreams?: string[];
};

/**
 * Writes items the way the editorial workflow leaves them (as packages/db's createItem factory does):
 * a ContentItem, one Revision (with its search vector and workstream tags), and the item's pointers.
 * Returns the item ids.
 */
export async function insertItems(specs: ExtraItem[]): Promise<string[]> {
  return withDb(async (client) => {
    const author = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'editor@observatory.test'`);
    const authorId = author.rows[0]?.id;
    if (!authorId) throw new Error("the seeded editor is missing");
    const ids: string[] = [];
    for (const spec of specs) {
      const itemId = `e2e_item_${spec.slug}`;
      const revisionId = `e2e_rev_${spec.slug}`;
      const state = spec.state ?? "PUBLISHED";
      const body = spec.body ?? `The body of ${spec.title}.`;
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "ContentItem" (id, kind, slug, status, "createdById", "commentsOpen", "updatedAt")
         VALUES ($1, $2, $3, 'DRAFT', $4, true, now())`,
        [itemId, spec.kind ?? "NEWS", spec.slug, authorId],
      );
      await client.query(
        `INSERT INTO "Revision" (id, "itemId", number, "authorId", title, summary, body, "bodyHtml", "updatedAt")
         VALUES ($1, $2, 1, $3, $4, $5, $6, $7, now())`,
        [revisionId, itemId, authorId, spec.title, spec.summary ?? `Summary of ${spec.title}.`, body, `<p>${body}</p>`],
      );
      await client.query(
        `UPDATE "Revision" SET "searchVector" =
           setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') ||
           setweight(to_tsvector('english', body), 'C')
         WHERE id = $1`,
        [revisionId],
      );
      for (const slug of spec.workstreams ?? []) {
        await client.query(
          `INSERT INTO "RevisionWorkstream" ("revisionId", "workstreamId") SELECT $1, id FROM "Workstream" WHERE slug = $2`,
          [revisionId, slug],
        );
      }
      if (state === "PUBLISHED") {
        const publishedAt = spec.publishedAt ?? new Date(Date.now() - 60_000);
        await client.query(
          `UPDATE "ContentItem" SET status = 'PUBLISHED', "liveRevisionId" = $2, "latestRevisionId" = $2,
             "publishedAt" = $3, "liveSince" = $3 WHERE id = $1`,
          [itemId, revisionId, publishedAt],
        );
      } else if (state === "SCHEDULED") {
        const publishAt = spec.publishAt ?? new Date(Date.now() + 7 * 24 * 3600_000);
        await client.query(
          `UPDATE "ContentItem" SET status = 'SCHEDULED', "scheduledRevisionId" = $2, "latestRevisionId" = $2,
             "publishAt" = $3, "publishedAt" = $3 WHERE id = $1`,
          [itemId, revisionId, publishAt],
        );
      } else {
        await client.query(`UPDATE "ContentItem" SET "latestRevisionId" = $2 WHERE id = $1`, [itemId, revisionId]);
      }
      await client.query("COMMIT");
      ids.push(itemId);
    }
    return ids;
  });
}

/** Removes items added by insertItems (their revisions, tags and comments go with them). */
export async function deleteItems(ids: string[]): Promise<void> {
  if (!ids.length) return;
  await withDb((client) => client.query(`DELETE FROM "ContentItem" WHERE id = ANY($1)`, [ids]));
}

export type StoredComment = {
  id: string;
  status: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string;
  body: string;
  notifyOnPublish: boolean;
  itemSlug: string;
};

/** The comments stored whose body contains `marker`. */
export async function commentsContaining(marker: string): Promise<StoredComment[]> {
  return withDb(async (client) => {
    const { rows } = await client.query<StoredComment>(
      `SELECT c.id, c.status, c."parentId", c."authorName", c."authorEmail", c.body, c."notifyOnPublish",
         i.slug AS "itemSlug"
       FROM "Comment" c JOIN "ContentItem" i ON i.id = c."itemId"
       WHERE strpos(c.body, $1) > 0 ORDER BY c."createdAt"`,
      [marker],
    );
    return rows;
  });
}

export async function deleteCommentsContaining(marker: string): Promise<void> {
  await withDb((client) => client.query(`DELETE FROM "Comment" WHERE strpos(body, $1) > 0`, [marker]));
}

/** A marker unique to one test run, to find (and then remove) what that test stored. */
export function uniqueMarker(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The comment form refuses a submission sent sooner than COMMENT_MIN_SECONDS (1 s in e2e) after the
 * page rendered it; waits out the rest of that time, with a margin.
 */
export async function waitForMinimumFormTime(page: Page, renderedAt: number): Promise<void> {
  const remaining = 1_250 - (Date.now() - renderedAt);
  if (remaining > 0) await page.waitForTimeout(remaining);
}

/** The page is no wider than the viewport: nothing makes the reader scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, "page width at a narrow viewport").toBeLessThanOrEqual(width);
}

/**
 * Axe needs JavaScript in the page, so for a page opened with JavaScript off this checks a copy: the
 * same HTML as served (scripts removed, so nothing hydrates or enhances it), loaded at the same
 * address with the same viewport so that the site's stylesheets and relative links apply.
 */
export async function expectAccessibleAsServed(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const address = page.url().split("#")[0] ?? page.url();
  const copy = await scriptedCopyOf(page);
  await copy.unrouteAll();
  await copy.route(/assets\.nhs\.uk/, (route) => route.abort());
  await copy.route(
    (url) => url.href === address,
    (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  await copy.goto(address);
  await expectAccessible(copy);
}

const copies = new WeakMap<Page, Promise<Page>>();

/** One JavaScript-enabled page per test page, with the same viewport, closed along with it. */
function scriptedCopyOf(page: Page): Promise<Page> {
  let copy = copies.get(page);
  if (!copy) {
    copy = (async () => {
      const browser = page.context().browser();
      if (!browser) throw new Error("no browser");
      const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
      page.once("close", () => void context.close());
      return context.newPage();
    })();
    copies.set(page, copy);
  }
  return copy;
}

/** With JavaScript on, nhsuk-frontend has enhanced the header (moving overflowing menu items behind "More"). */
export async function waitForEnhancedHeader(page: Page): Promise<void> {
  await expect(page.locator("header[data-nhsuk-header-init]")).toHaveCount(1);
}
