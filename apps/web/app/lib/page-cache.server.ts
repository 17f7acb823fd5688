import { callerFor, issueFormToken } from "@observatory/api";
import { hostEnv } from "@observatory/server/env";
import type { ChangeFollower } from "@observatory/server/public-changes";
import type { CachedBody } from "@observatory/server/entry-hooks";
import { deflatePieces, gzipParts } from "./gzip-pieces.server";
import { type ClientValidators, isNotModified } from "./validators.server";

// An in-process cache of rendered public pages that is never stale: an entry is served only while
// the public content version it was rendered at is still current (database triggers bump it on
// every visible change) and until the next scheduled publication or unpublication.
//
// Where that state comes from (decision 031): while the server follows the database's change
// notifications (`following`, `changed` and `lost`, told by packages/server's public-changes.ts),
// the state read last is trusted until a notification says it changed or
// its next scheduled change comes, so a hit asks the database nothing. Otherwise (not yet
// listening, or the listening connection lost) the state is read once per request; requests that
// arrive while a read is running share the next read, so it still starts after they arrived.
//
// The cache holds at most `maxBytes` of pages and lets the least recently used go first.

/** What a page's freshness depends on: the public content version and the next scheduled change. */
export type State = { version: string; nextChangeAt: Date | null };
type Entry = {
  /** The page as UTF-8, in pieces around the values that change with each response. */
  pieces: Buffer[];
  /** What goes in each gap between two pieces. */
  gaps: Gap[];
  headers: [string, string][];
  etag: string | null;
  /** Its Last-Modified (feeds have one; pages go by ETag only). */
  lastModified: Date | null;
  version: string;
  renderedAt: number;
  expiresAt: number;
  /** When the next scheduled publication or unpublication makes the page out of date. */
  nextChangeAt: number;
  /** The pieces compressed, once a reader has asked for the page compressed. */
  deflated: Buffer[] | null;
  /** What it costs to hold: the page's bytes (compressed too, once made) and its headers'. */
  bytes: number;
};

/** A value that differs in each response of the same page: the comment form's signed timestamp, or the script nonce. */
type Gap = "formToken" | "nonce";

/** A rendered page in pieces around its per-response values, as the cache stores it. */
export type PagePieces = { pieces: Buffer[]; gaps: Gap[] };

/** What the request handler needs to store a page rendered for this request. */
export type CacheTicket = { key: string; state: State };

export type Lookup =
  | { hit: true; status: 200 | 304; headers: [string, string][]; body: CachedBody | null; staleSeconds: number | null }
  | { hit: false; ticket: CacheTicket | null };

/** What the comment form's signed timestamp follows in the page. */
const formTokenField = Buffer.from('name="formToken" value="');
const quote = Buffer.from('"');

function formTokenIn(page: Buffer): Buffer | null {
  const field = page.indexOf(formTokenField);
  if (field === -1) return null;
  const start = field + formTokenField.length;
  const end = page.indexOf(quote, start);
  return end > start ? page.subarray(start, end) : null;
}

/** `page` in the parts between each occurrence of `value` (views of the same memory, not copies). */
function splitAround(page: Buffer, value: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = page.indexOf(value); at !== -1; at = page.indexOf(value, from)) {
    parts.push(page.subarray(from, at));
    from = at + value.length;
  }
  parts.push(page.subarray(from));
  return parts;
}

/**
 * A rendered page (UTF-8) in pieces around the values that change with each response: its comment
 * form's signed timestamp, and the script nonce it was rendered with. The pieces are views of the
 * page's own bytes.
 */
export function splitPage(page: Buffer, nonce: string | null): PagePieces {
  const values: [Gap, Buffer][] = [];
  const token = formTokenIn(page);
  if (token) values.push(["formToken", Buffer.from(token)]);
  if (nonce) values.push(["nonce", Buffer.from(nonce)]);
  let pieces = [page];
  let gaps: Gap[] = [];
  for (const [gap, value] of values) {
    const nextPieces: Buffer[] = [];
    const nextGaps: Gap[] = [];
    pieces.forEach((piece, i) => {
      const parts = splitAround(piece, value);
      parts.forEach((part, j) => {
        nextPieces.push(part);
        if (j < parts.length - 1) nextGaps.push(gap);
      });
      const between = gaps[i];
      if (between) nextGaps.push(between);
    });
    pieces = nextPieces;
    gaps = nextGaps;
  }
  return { pieces, gaps };
}

/**
 * The stored page with this response's values: a freshly signed comment form and its own nonce, in
 * parts the server writes as they are, so a hit costs no copy of the page (packages/server's
 * cached-page.ts); or as gzip, from pieces compressed once (gzip-pieces.server.ts).
 */
function bodyOf(entry: Entry, nonce: string, compressed: () => Buffer[]): CachedBody {
  // One token for the response, in the form and wherever else the page holds it.
  const formToken = entry.gaps.includes("formToken") ? Buffer.from(issueFormToken()) : Buffer.alloc(0);
  const nonceBytes = Buffer.from(nonce);
  const values = entry.gaps.map((gap) => (gap === "formToken" ? formToken : nonceBytes));
  const parts: Buffer[] = [];
  entry.pieces.forEach((piece, i) => {
    parts.push(piece);
    const value = values[i];
    if (value) parts.push(value);
  });
  return { parts, gzip: () => gzipParts(entry.pieces, compressed(), values) };
}

/**
 * The query parameters public pages read. A page asked with any other (a tracking tag, a
 * cache-buster) is rendered but not kept: otherwise one reader could fill the cache with copies of
 * pages at addresses nobody else asks for, pushing out the pages readers do ask for (decision 031).
 * page-cache.server.test.ts checks that every parameter the app's code reads is listed.
 */
export const PAGE_PARAMETERS: ReadonlySet<string> = new Set([
  "page",
  "q",
  "kind",
  "priority",
  "year",
  "workstream",
  "replyTo",
  "comment",
  "print",
  "answered",
  "confirmed",
  "saved",
]);

function keyFor(url: URL): string | null {
  // Single-fetch data requests and anything odd go straight to the app.
  if (url.pathname.endsWith(".data") || url.pathname.startsWith("/api/") || url.pathname === "/healthz") return null;
  for (const name of url.searchParams.keys()) if (!PAGE_PARAMETERS.has(name)) return null;
  return `${url.pathname}${url.search}`;
}

export type PageCacheOptions = { maxBytes?: number; maxAgeMs?: number; now?: () => number };

const MB = 1024 * 1024;

/** A page cache that learns the public state from `readState` (the API, in the app). */
export function createPageCache(
  readState: () => Promise<State>,
  { maxBytes = 64 * MB, maxAgeMs = 5 * 60_000, now = Date.now }: PageCacheOptions = {},
) {
  /** The pages, least recently used first (a Map keeps the order entries were set in). */
  const entries = new Map<string, Entry>();
  let heldBytes = 0;
  let running: Promise<State> | null = null;
  let queued: Promise<State> | null = null;
  /** The public content version at the last successful read. */
  let lastVersion: string | null = null;
  /** Whether change notifications are being heard, and the state that is current until one comes. */
  let followed = false;
  let known: State | null = null;
  /** Counts notifications (and losses), so that a read that a change overtook is not trusted. */
  let changes = 0;

  function read(): Promise<State> {
    const changesBefore = changes;
    return readState().then((state) => {
      if (followed && changes === changesBefore) known = state;
      return state;
    });
  }

  function readShared(): Promise<State> {
    if (!running) {
      running = read().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return readShared();
      });
    return queued;
  }

  function currentState(): Promise<State> {
    if (known && (known.nextChangeAt === null || now() < new Date(known.nextChangeAt).getTime()))
      return Promise.resolve(known);
    known = null;
    return readShared();
  }

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    heldBytes -= entry.bytes;
  }

  /** The entry's pieces compressed, made the first time a reader asks and counted with the entry. */
  function compressed(key: string, entry: Entry): Buffer[] {
    if (entry.deflated) return entry.deflated;
    const deflated = deflatePieces(entry.pieces);
    entry.deflated = deflated;
    const bytes = deflated.reduce((sum, piece) => sum + piece.length, 0);
    entry.bytes += bytes;
    if (entries.get(key) === entry) heldBytes += bytes;
    return deflated;
  }

  function touch(key: string, entry: Entry): void {
    entries.delete(key);
    entries.set(key, entry);
  }

  const follower: ChangeFollower = {
    following() {
      changes += 1;
      followed = true;
      known = null;
    },
    changed() {
      changes += 1;
      known = null;
    },
    lost() {
      changes += 1;
      followed = false;
      known = null;
    },
  };

  return {
    ...follower,

    /** How many pages, and how many bytes, the cache holds. */
    size: () => ({ pages: entries.size, bytes: heldBytes }),

    async lookup(url: URL, request: ClientValidators & { nonce: string }): Promise<Lookup> {
      const key = keyFor(url);
      if (!key) return { hit: false, ticket: null };
      const entry = entries.get(key);
      let state: State;
      try {
        state = await currentState();
      } catch (error) {
        // The public state cannot be read (the database is down): a page that was current at the
        // last successful read, with no scheduled change since, is served as it was
        // (stale-if-error). Without one the app answers, or says it cannot.
        if (!entry || entry.version !== lastVersion || now() >= entry.nextChangeAt) return { hit: false, ticket: null };
        const staleSeconds = Math.max(0, Math.round((now() - entry.renderedAt) / 1000));
        console.error("page cache: serving a stored page, the public state could not be read:", error);
        return {
          hit: true,
          status: 200,
          headers: entry.headers,
          body: bodyOf(entry, request.nonce, () => compressed(key, entry)),
          staleSeconds,
        };
      }
      lastVersion = state.version;
      if (entry && entry.version === state.version && now() < entry.expiresAt) {
        touch(key, entry);
        if (isNotModified(request, entry.etag, entry.lastModified))
          return { hit: true, status: 304, headers: entry.headers, body: null, staleSeconds: null };
        // Each reader gets a freshly signed comment form (the minimum-time check starts now), in the
        // form and in the loader data that hydrates it, and this response's script nonce. The pieces
        // are kept encoded, so a hit costs no search, split, encoding or copy of the page.
        return {
          hit: true,
          status: 200,
          headers: entry.headers,
          body: bodyOf(entry, request.nonce, () => compressed(key, entry)),
          staleSeconds: null,
        };
      }
      if (entry) remove(key);
      return { hit: false, ticket: { key, state } };
    },

    /** Stores a rendered page, given in pieces by splitPage. */
    store(ticket: CacheTicket, { pieces, gaps }: PagePieces, headers: Headers): void {
      const nextChange = ticket.state.nextChangeAt
        ? new Date(ticket.state.nextChangeAt).getTime()
        : Number.POSITIVE_INFINITY;
      remove(ticket.key);
      // The server sets the security headers (with each response's nonce) itself.
      const kept = [...headers.entries()].filter(
        ([name]) => name !== "set-cookie" && name !== "content-security-policy",
      );
      const bytes =
        ticket.key.length +
        pieces.reduce((sum, piece) => sum + piece.length, 0) +
        kept.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
      if (bytes > maxBytes) return;
      while (heldBytes + bytes > maxBytes) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        remove(oldest);
      }
      entries.set(ticket.key, {
        pieces,
        gaps,
        deflated: null,
        headers: kept,
        etag: headers.get("ETag"),
        lastModified: headers.has("Last-Modified") ? new Date(headers.get("Last-Modified") ?? "") : null,
        version: ticket.state.version,
        renderedAt: now(),
        expiresAt: Math.min(now() + maxAgeMs, nextChange),
        nextChangeAt: nextChange,
        bytes,
      });
      heldBytes += bytes;
    },
  };
}

/** The web app's page cache: used by the HTTP server before it runs the app (packages/server). */
export const pageCache = createPageCache(
  async () => {
    const { api } = await callerFor(new Request("http://localhost/"), null);
    return api.content.publicState();
  },
  { maxBytes: hostEnv().PAGE_CACHE_MB * MB },
);
