import type { ContentKind, Db } from "@observatory/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { kindForSection } from "./kinds.ts";
import { listedItems } from "./visibility.ts";

// A page on the public site named by its path ("/news/new-guidance", "/priorities"): what replaces
// a withdrawn item, or where an unpublished item's old address sends readers (decision 027). A path
// that names an item must name one readers can find now, and not the item itself.

const PATH = /^\/(?!\/)[^\s?#\\]*$/;

/** An optional path on the site from a form: empty for none. */
export const sitePathInput = z
  .string()
  .trim()
  .max(300, "Enter a web address of 300 characters or fewer")
  .refine(
    (value) => value === "" || PATH.test(value),
    "Enter a web address on this site that starts with /, for example /news/new-guidance",
  )
  .default("");

/** The item a path names, if it has the shape of an item's address: /news/<slug>, or /<slug> for a page. */
function itemAddress(path: string): { kinds: ContentKind[]; slug: string } | null {
  const parts = path.slice(1).replace(/\/$/, "").split("/");
  if (parts.length === 1 && parts[0]) return { kinds: ["PAGE"], slug: parts[0] };
  const kind = parts.length === 2 && parts[0] ? kindForSection(parts[0]) : null;
  return kind && parts[1] ? { kinds: [kind], slug: parts[1] } : null;
}

/**
 * Checks a path chosen for `field` and returns it as stored (null for none): an item's address must
 * be one the public can find in listings now (not withdrawn, not gone), and not `itemId`'s own.
 */
export async function checkSitePath(
  db: Pick<Db, "$queryRaw" | "contentItem">,
  path: string,
  { field, itemId, now }: { field: string; itemId: string; now: Date },
): Promise<string | null> {
  if (!path) return null;
  const address = itemAddress(path);
  if (!address) return path;
  const item = await db.contentItem.findFirst({
    where: { slug: address.slug, kind: { in: address.kinds } },
    select: { id: true },
  });
  // Not an item's address (a section or a priority page, say): the site answers it as it stands.
  if (!item) return path;
  if (item.id === itemId) {
    throw new AppError("BAD_REQUEST", "Choose a different page", {
      [field]: "Choose a different page: this is the item's own address",
    });
  }
  const listed = await db.$queryRaw<unknown[]>`SELECT 1 FROM (${listedItems(now)}) v WHERE v."id" = ${item.id}`;
  if (!listed.length) {
    throw new AppError("BAD_REQUEST", "Choose a page readers can find", {
      [field]: "That item is not on the public site, or is withdrawn: choose one readers can find",
    });
  }
  return path;
}

/** The title of the listed item at `path`, for a link's text; null for any other page. */
export async function titleAtPath(db: Db, path: string, now: Date): Promise<string | null> {
  const address = itemAddress(path);
  if (!address) return null;
  const [row] = await db.$queryRaw<{ title: string; kind: ContentKind }[]>`
    SELECT r."title", v."kind" FROM (${listedItems(now)}) v JOIN "Revision" r ON r."id" = v."revisionId"
    WHERE v."slug" = ${address.slug}`;
  return row && address.kinds.includes(row.kind) ? row.title : null;
}
