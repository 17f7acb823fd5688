const BASE = "http://redirect.invalid";

/**
 * `to` if it is a path on this site ("/users?page=2"), otherwise `fallback`: never another host
 * ("//evil.example", "/\\evil.example", "https://..."), never a scheme ("javascript:").
 */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // Backslashes and control characters are read as slashes or dropped by browsers.
  if (/[\\\p{Cc}]/u.test(to)) return fallback;
  try {
    const url = new URL(to, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
