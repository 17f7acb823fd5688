import { callerFor, issueFormToken } from "@observatory/api";

// An in-process cache of rendered public pages that is never stale: an entry is served only while
// the public content version it was rendered at is still current (database triggers bump it on
// every visible change) and until the next scheduled publication or unpublication. The state is
// read once per request; requests that arrive while a read is running share the next read, so it
// still starts after they arrived.

/** What a page's freshness depends on: the public content version and the next scheduled change. */
export type State = { version: string; nextChangeAt: Date | null };
type Entry = {
  /** The page as UTF-8, in pieces around its comment form token (one piece when it has no form). */
  pieces: Buffer[];
  headers: [string, string][];
  etag: string | null;
  version: string;
  expiresAt: number;
};

/** What the request handler needs to store a page rendered for this request. */
export type CacheTicket = { key: string; state: State };

export type Lookup =
  | { hit: true; status: 200 | 304; headers: [string, string][]; body: Buffer | null }
  | { hit: false; ticket: CacheTicket | null };

const formTokenPattern = /name="formToken" value="([^"]+)"/;

/**
 * A rendered page in pieces around its comment form's signed timestamp (which is in the form and in
 * the loader data), or whole when it has no comment form.
 */
export function splitAtFormToken(html: string): string[] {
  const token = formTokenPattern.exec(html)?.[1];
  return token ? html.split(token) : [html];
}

/** The stored page, with a freshly signed comment form when it has one. */
function withFreshToken([first, ...rest]: Buffer[]): Buffer {
  if (!first || rest.length === 0) return first ?? Buffer.alloc(0);
  const token = Buffer.from(issueFormToken());
  return Buffer.concat([first, ...rest.flatMap((piece) => [token, piece])]);
}

function keyFor(url: URL): string | null {
  // Single-fetch data requests and anything odd go straight to the app.
  if (url.pathname.endsWith(".data") || url.pathname.startsWith("/api/") || url.pathname === "/healthz") return null;
  return `${url.pathname}${url.search}`;
}

export type PageCacheOptions = { maxEntries?: number; maxAgeMs?: number; now?: () => number };

/** A page cache that learns the public state from `readState` (the API, in the app). */
export function createPageCache(
  readState: () => Promise<State>,
  { maxEntries = 2_000, maxAgeMs = 5 * 60_000, now = Date.now }: PageCacheOptions = {},
) {
  const entries = new Map<string, Entry>();
  let running: Promise<State> | null = null;
  let queued: Promise<State> | null = null;

  function currentState(): Promise<State> {
    if (!running) {
      running = readState().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return currentState();
      });
    return queued;
  }

  return {
    async lookup(url: URL, ifNoneMatch: string | null): Promise<Lookup> {
      const key = keyFor(url);
      if (!key) return { hit: false, ticket: null };
      const state = await currentState();
      const entry = entries.get(key);
      if (entry && entry.version === state.version && now() < entry.expiresAt) {
        if (entry.etag && ifNoneMatch === entry.etag)
          return { hit: true, status: 304, headers: entry.headers, body: null };
        // Each reader gets a freshly signed comment form (the minimum-time check starts now), in the
        // form and in the loader data that hydrates it. The pieces are kept encoded, so a hit costs a
        // copy of the page, not a search, a split and an encoding of it.
        return { hit: true, status: 200, headers: entry.headers, body: withFreshToken(entry.pieces) };
      }
      if (entry) entries.delete(key);
      return { hit: false, ticket: { key, state } };
    },

    /** Stores a rendered page, given in pieces by splitAtFormToken. */
    store(ticket: CacheTicket, pieces: string[], headers: Headers): void {
      const nextChange = ticket.state.nextChangeAt
        ? new Date(ticket.state.nextChangeAt).getTime()
        : Number.POSITIVE_INFINITY;
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(ticket.key, {
        pieces: pieces.map((piece) => Buffer.from(piece)),
        headers: [...headers.entries()].filter(([name]) => name !== "set-cookie"),
        etag: headers.get("ETag"),
        version: ticket.state.version,
        expiresAt: Math.min(now() + maxAgeMs, nextChange),
      });
    },
  };
}

/** The web app's page cache: used by the HTTP server before it runs the app (packages/server). */
export const pageCache = createPageCache(async () => {
  const { api } = await callerFor(new Request("http://localhost/"), null);
  return api.content.publicState();
});
