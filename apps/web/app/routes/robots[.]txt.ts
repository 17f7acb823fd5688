import { siteUrl } from "~/lib/api.server";
import { publicCacheControl } from "~/lib/cache.server";

export function loader() {
  const body = `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\n\nSitemap: ${new URL("/sitemap.xml", siteUrl()).toString()}\n`;
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": publicCacheControl },
  });
}
