// What an app's entry.server exports for the server (see apps/web and apps/admin).
import type { StatusPageContent } from "./status-pages.ts";

/** A page from the page cache, in parts to be written one after another. */
export type CachedBody = {
  parts: Buffer[];
  /** The same page as gzip. */
  gzip(): Buffer[];
};

export type PageCacheLookup =
  | {
      hit: true;
      status: number;
      headers: [string, string][];
      /** The page (null for 304). */
      body: CachedBody | null;
      /** Seconds since it was rendered when served because the current state could not be read. */
      staleSeconds: number | null;
    }
  | { hit: false; ticket: unknown };

export type EntryHooks = {
  /** The page in the app's look, for answers the server gives itself (413, 503 ...). */
  renderStatusPage(page: StatusPageContent): string;
  /** The most bytes a POST to this path may carry. */
  bodyLimitFor(path: string): number;
  /** Whether the app's database answers (for telling an outage from a failure). */
  databaseReachable(): Promise<boolean>;
  pageCache?: {
    lookup(
      url: URL,
      request: { ifNoneMatch: string | null; ifModifiedSince: string | null; nonce: string },
    ): Promise<PageCacheLookup>;
  };
  startBackgroundWork?: () => void;
};

/**
 * The app's database check, asked at most once a second: during an outage every failing request
 * wants to know, and one answer serves them all.
 */
export function healthOf(hooks: Pick<EntryHooks, "databaseReachable">, now = Date.now) {
  let last: { at: number; answer: Promise<boolean> } | null = null;
  return {
    databaseReachable(): Promise<boolean> {
      if (!last || now() - last.at > 1_000) {
        last = { at: now(), answer: hooks.databaseReachable().catch(() => false) };
      }
      return last.answer;
    },
  };
}
