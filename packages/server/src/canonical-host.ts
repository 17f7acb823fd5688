// A site configured at a loopback address (http://localhost:3001, as in development) is also reached
// by the other names of that address: http://127.0.0.1:3001 or http://[::1]:3001. Its cookies and
// its same-origin check belong to the configured name, so the other names are sent there first:
// a page opened at 127.0.0.1 would otherwise show forms whose every submission is refused.

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The address to send this request to instead, or null when it already came by the configured name. */
export function canonicalLoopbackUrl(hostHeader: string | undefined, siteUrl: string, target: string): string | null {
  const site = new URL(siteUrl);
  if (!LOOPBACK.has(site.hostname) || !hostHeader) return null;
  let requested: URL;
  try {
    requested = new URL(`${site.protocol}//${hostHeader}`);
  } catch {
    return null;
  }
  if (requested.hostname === site.hostname || !LOOPBACK.has(requested.hostname)) return null;
  if (requested.port !== site.port) return null;
  return `${site.origin}${target.startsWith("/") && !target.startsWith("//") ? target : "/"}`;
}
