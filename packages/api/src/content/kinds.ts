import type { ContentKind } from "@observatory/db";

/**
 * Public URL sections per kind; PAGE items live at the site root (/about). `searchName` is how the
 * search's type filter names the kind in an address (`?kind=pages`).
 */
export const kindSections = {
  NEWS: { path: "news", searchName: "news", label: "News", singular: "News" },
  BLOG: { path: "blogs", searchName: "blogs", label: "Blogs", singular: "Blog" },
  PRESS_RELEASE: {
    path: "press-releases",
    searchName: "press-releases",
    label: "Press releases",
    singular: "Press release",
  },
  PAGE: { path: "", searchName: "pages", label: "Pages", singular: "Page" },
  PUBLICATION: {
    path: "publications",
    searchName: "publications",
    label: "Publications",
    singular: "Publication",
  },
} as const satisfies Record<ContentKind, { path: string; searchName: string; label: string; singular: string }>;

export const listedKinds = ["NEWS", "BLOG", "PRESS_RELEASE", "PUBLICATION"] as const;
export type ListedKind = (typeof listedKinds)[number];

export function itemPath(kind: ContentKind, slug: string): string {
  const section = kindSections[kind].path;
  return section ? `/${section}/${slug}` : `/${slug}`;
}

export function kindForSection(section: string): ListedKind | null {
  return listedKinds.find((k) => kindSections[k].path === section) ?? null;
}
