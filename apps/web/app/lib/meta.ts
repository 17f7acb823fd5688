import type { MetaDescriptor } from "@remix-run/node";
import { siteName } from "./site";

type PageMeta = {
  title: string;
  description?: string | null;
  path: string;
  siteUrl: string;
  type?: "website" | "article";
  /** The page shows errors: its title starts with "Error: ". */
  hasErrors?: boolean;
};

/** "Title - NHS Race and Health Observatory", as the browser's tab and history show it. */
export function documentTitle(title: string, hasErrors = false): string {
  return `${hasErrors ? "Error: " : ""}${title === siteName ? siteName : `${title} - ${siteName}`}`;
}

/** Title, description, canonical link, OpenGraph and Twitter card for a page. */
export function pageMeta({
  title,
  description,
  path,
  siteUrl,
  type = "website",
  hasErrors = false,
}: PageMeta): MetaDescriptor[] {
  const url = new URL(path, siteUrl).toString();
  const image = new URL("/assets/images/nhsuk-opengraph-image.png", siteUrl).toString();
  return [
    { title: documentTitle(title, hasErrors) },
    ...(description ? [{ name: "description", content: description }] : []),
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:site_name", content: siteName },
    { property: "og:title", content: title },
    { property: "og:type", content: type },
    { property: "og:url", content: url },
    { property: "og:image", content: image },
    ...(description ? [{ property: "og:description", content: description }] : []),
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: title },
    ...(description ? [{ name: "twitter:description", content: description }] : []),
  ];
}

/** The public site's address, from the root loader's data. */
export function siteUrlFrom(matches: { id: string; data: unknown }[]): string {
  const root = matches.find((m) => m.id === "root")?.data as { siteUrl?: string } | undefined;
  return root?.siteUrl ?? "http://localhost:3000";
}
