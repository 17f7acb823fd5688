import { type Db, getDb } from "@observatory/db";
import { type Auth, createAuth } from "./auth/lucia.ts";
import { apiConfig } from "./config.ts";
import { type MailKicker, mailerFor } from "./mail/mailer.ts";
import { requestMeta } from "./request-meta.ts";
import type { Context } from "./trpc.ts";

const authByDb = new WeakMap<Db, Auth>();

function authFor(db: Db): Auth {
  let auth = authByDb.get(db);
  if (!auth) {
    auth = createAuth(db, {
      secureCookies: apiConfig().isProduction && apiConfig().adminSiteUrl.startsWith("https:"),
    });
    authByDb.set(db, auth);
  }
  return auth;
}

/** Builds the context for one request: database, signed-in user (from the session cookie), request facts. */
export async function createContext(opts: {
  request: Request;
  clientIp: string | null;
  db?: Db;
  /** Tests pass their own; otherwise this process's SMTP mailer for the database. */
  mailer?: MailKicker;
}): Promise<Context> {
  const db = opts.db ?? (await getDb());
  const auth = authFor(db);
  const responseHeaders = new Headers();
  const token = auth.readToken(opts.request.headers.get("cookie"));
  const validated = token ? await auth.validateToken(token) : null;
  if (token && !validated) responseHeaders.append("set-cookie", auth.blankCookie());
  if (validated?.cookie) responseHeaders.append("set-cookie", validated.cookie);
  return {
    db,
    auth,
    user: validated?.user ?? null,
    session: validated?.session ?? null,
    request: requestMeta(opts.request, opts.clientIp),
    responseHeaders,
    mailer: opts.mailer ?? mailerFor(db),
  };
}
