import { z } from "zod";

// The resized files of a library image, as stored in `Media.variants`.

/** Widths made for pages, never wider than the original (which is made at its own width when smaller). */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;

export const variantFormats = ["avif", "webp", "jpeg", "png"] as const;
export type VariantFormat = (typeof variantFormats)[number];

export const extensionOf: Record<VariantFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" };
export const contentTypeOf: Record<VariantFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
};

const variant = z.object({
  key: z.string(),
  format: z.enum(variantFormats),
  width: z.number().int(),
  height: z.number().int(),
  byteSize: z.number().int(),
});
export type Variant = z.output<typeof variant>;

/** The stored JSON, read back; anything unreadable counts as no variants (they are made again). */
export function readVariants(json: unknown): Variant[] {
  const parsed = z.array(variant).safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** The widths to make for an original `width` pixels wide: always at least one. */
export function variantWidths(width: number): number[] {
  const fitting = VARIANT_WIDTHS.filter((w) => w <= width);
  return fitting.length ? fitting : [width];
}

/** The URL both apps serve a stored file at. */
export const mediaUrl = (key: string) => `/media/${key}`;

/** The fallback format's files (JPEG or PNG), narrowest first. */
export const fallbackVariants = (variants: Variant[]) =>
  variants.filter((v) => v.format === "jpeg" || v.format === "png").sort((a, b) => a.width - b.width);

export const srcsetOf = (variants: Variant[]) => variants.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(", ");
