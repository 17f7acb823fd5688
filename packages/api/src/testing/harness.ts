import type { Role, UserModel as User } from "@observatory/db";
import { createTestDatabase, createUser, type TestDatabase } from "@observatory/db/testing";
import { afterAll, beforeAll } from "vitest";
import { SESSION_COOKIE } from "../auth/lucia.ts";
import { createCaller } from "../caller.ts";
import { createContext } from "../context.ts";
import type { MailKicker, Mailer } from "../mail/mailer.ts";
import type { Context } from "../trpc.ts";

type Caller = ReturnType<typeof createCaller>;

/** A visitor that keeps the session cookie the server sets, like a browser. */
export type Browser = {
  /** Calls the router with the current cookie and request headers, then keeps any cookie the response sets. */
  call<T>(use: (api: Caller, ctx: Context) => Promise<T>): Promise<T>;
  /** The session cookie (`observatory_session=...`) the browser holds, if any. */
  readonly cookie: string | null;
  /** The raw Set-Cookie headers of the last call. */
  readonly lastSetCookies: string[];
};

export type Harness = {
  readonly db: TestDatabase["db"];
  /** A caller as an anonymous visitor, from `ip`. */
  anonymous: (ip?: string) => Promise<Caller>;
  /** A caller signed in as a new user with `role` (second factor done). */
  as: (role: Role, ip?: string) => Promise<Caller>;
  /**
   * A new user with `role`, signed in; `mfaVerified: false` leaves the session waiting for its
   * second factor. Returns the user and a browser holding the session.
   */
  signedIn: (
    role: Role,
    options?: { mfaVerified?: boolean; ip?: string; fields?: { email?: string; name?: string } },
  ) => Promise<{ user: User; browser: Browser; api: Caller }>;
  /** A new session for an existing user. */
  sessionFor: (
    userId: string,
    options?: { mfaVerified?: boolean; ip?: string },
  ) => Promise<{ browser: Browser; api: Caller }>;
  /** A browser with no cookie yet, from `ip`, sending `headers` with every request. */
  browser: (ip?: string, headers?: Record<string, string>) => Browser;
};

const noMail: MailKicker = { kick: () => {} };

/**
 * Gives the test file its own migrated database (closed after the file) and callers over the real
 * router. Mail is queued but not sent unless `mailer` (given the database) says otherwise.
 */
export function useHarness(options: { mailer?: (db: TestDatabase["db"]) => Mailer } = {}): Harness {
  let database: TestDatabase | undefined;
  let mailer: MailKicker = noMail;
  let sender: Mailer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    sender = options.mailer?.(database.db);
    mailer = sender ?? noMail;
  });
  afterAll(async () => {
    await sender?.idle();
    await database?.close();
  });
  const db = () => {
    if (!database) throw new Error("the test database is not ready (use the harness inside tests)");
    return database.db;
  };

  function browser(ip = "203.0.113.9", headers: Record<string, string> = {}): Browser {
    let cookie: string | null = null;
    let lastSetCookies: string[] = [];
    return {
      async call(use) {
        const request = new Request("http://localhost/", { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
        const ctx = await createContext({ request, clientIp: ip, db: db(), mailer });
        try {
          return await use(createCaller(ctx), ctx);
        } finally {
          lastSetCookies = ctx.responseHeaders.getSetCookie();
          for (const setCookie of lastSetCookies) {
            const [pair = ""] = setCookie.split(";");
            if (!pair.startsWith(`${SESSION_COOKIE}=`)) continue;
            cookie = pair === `${SESSION_COOKIE}=` ? null : pair;
          }
        }
      },
      get cookie() {
        return cookie;
      },
      get lastSetCookies() {
        return lastSetCookies;
      },
    };
  }

  async function sessionFor(userId: string, { mfaVerified = true, ip = "203.0.113.8" } = {}) {
    const ctx = await createContext({ request: new Request("http://localhost/"), clientIp: ip, db: db(), mailer });
    const { token } = await ctx.auth.createSession(userId, { ipHash: null, userAgent: "vitest", mfaVerified });
    const cookie = `${SESSION_COOKIE}=${token}`;
    const api = createCaller(
      await createContext({
        request: new Request("http://localhost/", { headers: { cookie } }),
        clientIp: ip,
        db: db(),
        mailer,
      }),
    );
    return { browser: browser(ip, { cookie }), api };
  }

  async function signedIn(
    role: Role,
    { mfaVerified = true, ip = "203.0.113.8", fields = {} }: Parameters<Harness["signedIn"]>[1] = {},
  ) {
    const user = await createUser(db(), role, fields);
    return { user, ...(await sessionFor(user.id, { mfaVerified, ip })) };
  }

  return {
    get db() {
      return db();
    },
    anonymous: async (ip = "203.0.113.7") =>
      createCaller(await createContext({ request: new Request("http://localhost/"), clientIp: ip, db: db(), mailer })),
    as: async (role, ip) => (await signedIn(role, { ip })).api,
    signedIn,
    sessionFor,
    browser,
  };
}
