const BASE = "http://redirect.invalid";

/**
 * `to` as a path on this site ("/users?page=2"), otherwise `fallback`: never another host
 * ("//evil.example", "/\\evil.example", "https://..."), never a scheme ("javascript:").
 *
 * The check is made on the path as a browser resolves it, and that resolved form is what is
 * returned: "/.//evil.example", "/a/..//x" and "/%2e//x" are all paths to the eye, but collapse to
 * "//evil.example" once their dot segments go, which a browser would follow to another host.
 */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Backslashes and control characters are read as slashes or dropped by browsers.
  if (/[\\\p{Cc}]/u.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
