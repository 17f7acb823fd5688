import type { Sharp } from "sharp";
import { AppError } from "../errors.ts";
import type { ImageType } from "./file-types.ts";
import { extensionOf, type VariantFormat, variantWidths } from "./variants.ts";

// Everything done to an image's pixels, with sharp (decision 010).

/** A decoded image may hold at most this many pixels (a small file can unpack into gigabytes). */
const MAX_PIXELS = 50_000_000;

export type ProcessedFile = {
  suffix: string;
  format: VariantFormat | "gif";
  bytes: Buffer;
  width: number;
  height: number;
};

const encoders: Record<VariantFormat, (image: Sharp) => Sharp> = {
  // effort 2 of 9: AVIF's slowest settings take seconds per file on a small server for a few per cent.
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 78 }),
  jpeg: (image) => image.flatten({ background: "#ffffff" }).jpeg({ quality: 82, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9 }),
};

/**
 * sharp is imported when the first image is processed (the module system keeps it after that): the
 * web app reads the media library to render pages and processes an image only in the rare case of
 * one stored before variants were made, and need not carry sharp's native library (about 11 MB
 * resident) for that.
 */
async function open(bytes: Uint8Array) {
  const { default: sharp } = await import("sharp");
  // The first frame of an animated GIF or WebP; sharp drops all metadata (EXIF, GPS, XMP) unless asked to keep it.
  return sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" });
}

/**
 * The original made safe to keep: turned upright as its EXIF orientation says, with its metadata
 * (camera, time, GPS position) removed, in its own format. Refuses bytes that do not decode.
 */
export async function cleanOriginal(bytes: Uint8Array, type: ImageType): Promise<ProcessedFile> {
  try {
    const upright = (await open(bytes)).rotate();
    const encoded =
      type.ext === "png"
        ? upright.png({ compressionLevel: 9 })
        : type.ext === "gif"
          ? upright.gif()
          : type.ext === "webp"
            ? upright.webp({ quality: 90 })
            : upright.jpeg({ quality: 90, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const format = ({ png: "png", jpg: "jpeg", gif: "gif", webp: "webp", avif: "avif" } as const)[type.ext];
    return { suffix: `.${type.ext}`, format, bytes: data, width: info.width, height: info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/pixel limit/i.test(message)) {
      throw new AppError("BAD_REQUEST", "The image is too large", {
        file: "The image must be smaller than 50 megapixels (for example 8000 by 6000 pixels)",
      });
    }
    throw new AppError("BAD_REQUEST", "The image could not be read", {
      file: "The image could not be read: it may be damaged. Save it again and choose it again",
    });
  }
}

/**
 * The files pages use, made from a cleaned original: each width of `variantWidths` in AVIF, WebP and
 * a fallback (JPEG, or PNG when the image has transparent parts).
 */
export async function makeVariants(original: Uint8Array): Promise<ProcessedFile[]> {
  const image = await open(original);
  const [{ width }, stats] = await Promise.all([uprightSize(original), image.stats()]);
  const fallback: VariantFormat = stats.isOpaque ? "jpeg" : "png";
  const files: ProcessedFile[] = [];
  for (const width_ of variantWidths(width)) {
    // Upright already for uploads; images from before the library may still carry an orientation.
    const resized = (await open(original)).rotate().resize({ width: width_, withoutEnlargement: true });
    for (const format of ["avif", "webp", fallback] as const) {
      const { data, info } = await encoders[format](resized.clone()).toBuffer({ resolveWithObject: true });
      files.push({
        suffix: `-${width_}.${extensionOf[format]}`,
        format,
        bytes: data,
        width: info.width,
        height: info.height,
      });
    }
  }
  return files;
}

/** The image's size as it is shown, once turned as its EXIF orientation says. */
export async function uprightSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const { width = 0, height = 0, orientation = 1 } = await (await open(bytes)).metadata();
  // Orientations 5 to 8 are a quarter turn: width and height swap.
  return orientation >= 5 ? { width: height, height: width } : { width, height };
}
