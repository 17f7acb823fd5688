import { formatDate } from "@observatory/time";

// What the address of an unpublished item answers when no page replaces it: 410 Gone (decision
// 027), saying plainly that the page was removed, when, and the editor's reason when one was
// recorded, with the ways on.

export type RemovedPageData = { kind: "gone"; removedAt: string; reason: string };

/** The 410's data, thrown by the article loader and read back by the root's error page. */
export const removedPage = (gone: { removedAt: Date; reason: string }): RemovedPageData => ({
  kind: "gone",
  removedAt: gone.removedAt.toISOString(),
  reason: gone.reason,
});

export const isRemovedPage = (value: unknown): value is RemovedPageData =>
  typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "gone";

export const REMOVED_TITLE = "This page has been removed";

export function RemovedPage({ page }: { page: RemovedPageData }) {
  return (
    <>
      <h1>{REMOVED_TITLE}</h1>
      <p>It was removed from this website on {formatDate(page.removedAt)}.</p>
      {page.reason && <p>{page.reason}</p>}
      <p>
        You can <a href="/search">search the site</a> or go to the <a href="/">home page</a>.
      </p>
    </>
  );
}
