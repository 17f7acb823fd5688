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
  /** The page's own picture (its lead image); the NHS card otherwise. */
  image?: { src: string; srcset: string; alt: string; width: number; height: number } | null;
};

/** The size of the file `src` names: the widest of the srcset (the original's size scaled to it). */
function sizeOfSrc(image: NonNullable<PageMeta["image"]>): { width: number; height: number } {
  const widest = Number(/(\d+)w$/.exec(image.srcset)?.[1] ?? "0");
  if (!widest || !image.width || widest >= image.width) return { width: image.width, height: image.height };
  return { width: widest, height: Math.round((image.height * widest) / image.width) };
}

/** The picture of a page with no lead image: nhsuk-frontend's card, copied into /assets at build. */
const defaultImage = {
  src: "/assets/images/nhsuk-opengraph-image.png",
  alt: "The NHS logo and nhs.uk in white on NHS blue",
  width: 1200,
  height: 630,
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
  image,
}: PageMeta): MetaDescriptor[] {
  const url = new URL(path, siteUrl).toString();
  const shown = image ? { src: image.src, alt: image.alt, ...sizeOfSrc(image) } : defaultImage;
  return [
    { title: documentTitle(title, hasErrors) },
    ...(description ? [{ name: "description", content: description }] : []),
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:site_name", content: siteName },
    { property: "og:title", content: title },
    { property: "og:type", content: type },
    { property: "og:url", content: url },
    { property: "og:image", content: new URL(shown.src, siteUrl).toString() },
    // A decorative lead image has no alt text to give.
    ...(shown.alt ? [{ property: "og:image:alt", content: shown.alt }] : []),
    { property: "og:image:width", content: String(shown.width) },
    { property: "og:image:height", content: String(shown.height) },
    ...(description ? [{ property: "og:description", content: description }] : []),
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    ...(shown.alt ? [{ name: "twitter:image:alt", content: shown.alt }] : []),
    { name: "twitter:title", content: title },
    ...(description ? [{ name: "twitter:description", content: description }] : []),
  ];
}

/** The public site's address, from the root loader's data. */
export function siteUrlFrom(matches: { id: string; data: unknown }[]): string {
  const root = matches.find((m) => m.id === "root")?.data as { siteUrl?: string } | undefined;
  return root?.siteUrl ?? "http://localhost:3000";
}
