import type { RenderedMedia } from "@observatory/content";
import type { Db } from "@observatory/db";
import { backfillVariants } from "./library.ts";
import { fallbackVariants, mediaUrl, readVariants, srcsetOf, type Variant } from "./variants.ts";

/** A library image as pages draw it, with the words that go with it. */
export type RenderedImage = RenderedMedia & { alt: string; decorative: boolean; caption: string };

function toRendered(
  media: { width: number | null; height: number | null; credit: string; storageKey: string },
  variants: Variant[],
): RenderedMedia {
  const fallback = fallbackVariants(variants);
  const widest = fallback.at(-1);
  const sources = (["avif", "webp"] as const)
    .map((format) => ({
      type: `image/${format}` as const,
      srcset: srcsetOf(variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width)),
    }))
    .filter((source) => source.srcset);
  return {
    width: media.width ?? widest?.width ?? 0,
    height: media.height ?? widest?.height ?? 0,
    // An image still without variants (its original could not be read) is drawn from the original.
    src: mediaUrl(widest?.key ?? media.storageKey),
    srcset: srcsetOf(fallback),
    sources,
    credit: media.credit,
  };
}

/**
 * The library images with these ids, as the document renderer draws them (unknown ids are left
 * out). Images uploaded before the library get their variants made here, once.
 */
export async function renderedImages(db: Db, ids: readonly string[]): Promise<Map<string, RenderedImage>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.media.findMany({
    where: { id: { in: unique } },
    select: {
      id: true,
      storageKey: true,
      width: true,
      height: true,
      alt: true,
      decorative: true,
      caption: true,
      credit: true,
      variants: true,
    },
  });
  const found = new Map<string, RenderedImage>();
  for (const row of rows) {
    let media = { ...row, variants: readVariants(row.variants) };
    if (!media.variants.length) {
      const made = await backfillVariants(db, row);
      if (made) media = { ...media, ...made };
    }
    found.set(row.id, {
      ...toRendered(media, media.variants),
      alt: row.alt,
      decorative: row.decorative,
      caption: row.caption,
    });
  }
  return found;
}

/** The renderer's lookup: library images by id, as `RenderedMedia`. */
export async function mediaForRender(db: Db, ids: readonly string[]): Promise<Map<string, RenderedMedia>> {
  const images = await renderedImages(db, ids);
  return new Map(
    [...images].map(([id, { alt: _alt, decorative: _decorative, caption: _caption, ...media }]) => [id, media]),
  );
}
