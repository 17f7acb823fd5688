// Which requests the server passes on to an app, decided before the app runs: one place for the
// methods, paths and body types the apps accept, and for where a write may come from.
import { isCrossOriginWrite, type WriteFacts } from "./same-origin.ts";
import type { StatusCode } from "./status-pages.ts";

/** Every page and the API take GET and HEAD; forms and API mutations take POST. Nothing else. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

export type RequestFacts = WriteFacts & {
  /** The request target as sent (path and query, still percent-encoded). */
  target: string;
  contentType: string | null;
  hasBody: boolean;
};

export type Refusal = { status: StatusCode; headers?: Record<string, string> };

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function mediaType(contentType: string | null): string | null {
  return contentType?.split(";")[0]?.trim().toLowerCase() || null;
}

/** A path no page can have: control characters (raw or percent-encoded), or not a path at all. */
function isUnreadablePath(target: string): boolean {
  const path = target.split("?")[0] ?? "";
  if (!path.startsWith("/") || path.startsWith("//")) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return /\p{Cc}/u.test(decoded);
}

/**
 * The one page that takes a write from anywhere: one-click unsubscribe (RFC 8058), which mail
 * providers POST from their own servers. It needs no session and does one thing only: it deletes
 * the subscription its signed token names.
 */
const ONE_CLICK_UNSUBSCRIBE = /^\/alerts\/one-click\/[A-Za-z0-9_.-]+$/;

/**
 * Why the app must not see this request, or null to pass it on. `siteOrigin` is the app's own
 * configured origin, which writes must come from.
 */
export function refusalFor(request: RequestFacts, siteOrigin: string): Refusal | null {
  const method = request.method.toUpperCase();
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    return { status: 405, headers: { Allow: ALLOWED_METHODS.join(", ") } };
  }
  if (isUnreadablePath(request.target)) return { status: 400 };
  if (isCrossOriginWrite(request, siteOrigin) && !ONE_CLICK_UNSUBSCRIBE.test(request.target)) return { status: 403 };
  if (method === "POST") {
    const type = mediaType(request.contentType);
    const isApi = request.target.startsWith("/api/");
    // tRPC sends JSON; pages take their own forms only (an XML or JSON body is never a form).
    const accepted = isApi ? type === "application/json" : type !== null && FORM_TYPES.includes(type);
    if (!accepted && (request.hasBody || !isApi)) return { status: 415 };
  }
  return null;
}
