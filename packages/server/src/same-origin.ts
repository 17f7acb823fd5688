// Cross-site request forgery protection for the admin app: a state-changing request must come from
// a page of the app itself. Browsers send Origin with every POST; Sec-Fetch-Site covers the few
// cases without it. A request with neither is not from a browser, so it carries no ambient cookie.
// The HTTP server applies it before Remix or the API sees the request.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type WriteFacts = { method: string; origin: string | null; fetchSite: string | null };

/** True when the request changes state and was not sent from a page of `allowedOrigin`. */
export function isCrossOriginWrite(request: WriteFacts, allowedOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.origin !== null) return request.origin !== new URL(allowedOrigin).origin;
  return request.fetchSite === "cross-site" || request.fetchSite === "same-site";
}

/** The facts the check needs, from a Fetch API request. */
export function writeFacts(request: Request): WriteFacts {
  return {
    method: request.method,
    origin: request.headers.get("origin"),
    fetchSite: request.headers.get("sec-fetch-site"),
  };
}
