// Cross-site request forgery protection for the admin app: a state-changing request must come from
// a page of the app itself. Browsers send Origin with every POST; Sec-Fetch-Site covers the few
// cases without it. A request with neither is not from a browser, so it carries no ambient cookie
// risk.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when `request` changes state and was not sent from a page of `allowedOrigin`. */
export function isCrossOriginWrite(request: Request, allowedOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin !== null) return origin !== new URL(allowedOrigin).origin;
  const site = request.headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}
