import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteUrl } from "~/lib/api.server";
import { publicDocument } from "~/lib/conditional.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  const body = `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\n\nSitemap: ${new URL("/sitemap.xml", siteUrl()).toString()}\n`;
  return publicDocument(request, context, { body, contentType: "text/plain; charset=utf-8", lastModified: null });
}
