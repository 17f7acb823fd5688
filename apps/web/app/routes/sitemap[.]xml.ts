import type { LoaderFunctionArgs } from "@remix-run/node";
import { api, siteUrl } from "~/lib/api.server";
import { publicDocument } from "~/lib/conditional.server";

const staticPaths = [
  "/",
  "/priorities",
  "/news",
  "/blogs",
  "/press-releases",
  "/publications",
  "/feeds",
  "/accessibility",
  "/privacy",
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const { items, workstreams } = await caller.content.sitemap();
  const base = siteUrl();
  const url = (path: string, updated?: Date) =>
    `  <url><loc>${new URL(path, base).toString()}</loc>${updated ? `<lastmod>${new Date(updated).toISOString().slice(0, 10)}</lastmod>` : ""}</url>`;
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${[
  ...staticPaths.map((p) => url(p)),
  ...workstreams.map((w) => url(`/priorities/${w.slug}`, w.updatedAt)),
  ...items.map((i) => url(i.path, i.updatedAt)),
].join("\n")}
</urlset>
`;
  return publicDocument(request, context, {
    body: xml,
    contentType: "application/xml; charset=utf-8",
    lastModified: null,
  });
}
