import { createItem } from "@observatory/db/testing";
import { items as seedItems } from "@observatory/demo/content";
import type { Page } from "@playwright/test";
import { expect, expectAccessible } from "../fixtures";
import { userIdOf, withDb } from "./database";

export { withDb } from "./database";

// Shared by the public portal journeys: direct database access (to add content the seed lacks and to
// check what a form stored), and the comment form's minimum-time wait.

/**
 * The public journeys count what the seed published, so they start from it: content that other
 * journeys created earlier in the run (the editorial journey publishes an item) is removed first.
 */
export async function keepOnlySeedContent(): Promise<void> {
  await withDb((db) => db.contentItem.deleteMany({ where: { slug: { notIn: seedItems.map((i) => i.slug) } } }));
}

export type ExtraItem = {
  slug: string;
  title: string;
  kind?: "NEWS" | "BLOG" | "PRESS_RELEASE" | "PUBLICATION";
  /** PUBLISHED (live since publishedAt), DRAFT (never published) or SCHEDULED (goes live at publishAt). */
  state?: "PUBLISHED" | "DRAFT" | "SCHEDULED";
  publishedAt?: Date;
  publishAt?: Date;
  summary?: string;
  body?: string;
  workstreams?: string[];
  /** Open unless false. */
  commentsOpen?: boolean;
};

/** Writes items in the state each spec describes, through the database package's factory; returns their ids. */
export async function insertItems(specs: ExtraItem[]): Promise<string[]> {
  return withDb(async (db) => {
    const authorId = await userIdOf(db, "editor@observatory.test");
    const ids: string[] = [];
    for (const spec of specs) {
      const workstreams = await db.workstream.findMany({
        where: { slug: { in: spec.workstreams ?? [] } },
        select: { id: true },
      });
      const revision = {
        title: spec.title,
        summary: spec.summary ?? `Summary of ${spec.title}.`,
        body: spec.body ?? `The body of ${spec.title}.`,
        workstreamIds: workstreams.map((w) => w.id),
      };
      const state = spec.state ?? "PUBLISHED";
      const item = await createItem(db, {
        kind: spec.kind ?? "NEWS",
        slug: spec.slug,
        authorId,
        commentsOpen: spec.commentsOpen,
        ...(state === "PUBLISHED"
          ? { live: { ...revision, publishedAt: spec.publishedAt ?? new Date(Date.now() - 60_000) } }
          : state === "SCHEDULED"
            ? { scheduled: { ...revision, publishAt: spec.publishAt ?? new Date(Date.now() + 7 * 24 * 3600_000) } }
            : { pending: revision, status: "DRAFT" }),
      });
      ids.push(item.id);
    }
    return ids;
  });
}

/** Removes items added by insertItems (their revisions, tags and comments go with them). */
export async function deleteItems(ids: string[]): Promise<void> {
  if (!ids.length) return;
  await withDb((db) => db.contentItem.deleteMany({ where: { id: { in: ids } } }));
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
  return withDb(async (db) => {
    const rows = await db.comment.findMany({
      where: { body: { contains: marker } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        parentId: true,
        authorName: true,
        authorEmail: true,
        body: true,
        notifyOnPublish: true,
        item: { select: { slug: true } },
      },
    });
    return rows.map(({ item, ...comment }) => ({ ...comment, itemSlug: item.slug }));
  });
}

export async function deleteCommentsContaining(marker: string): Promise<void> {
  await withDb((db) => db.comment.deleteMany({ where: { body: { contains: marker } } }));
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
