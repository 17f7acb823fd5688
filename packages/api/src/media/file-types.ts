// What a file is, read from its first bytes, never from its name or the browser's claim: a script
// renamed .png is not an image, and a PNG renamed .jpg is a PNG.

export type ImageType = { mimeType: string; ext: "png" | "jpg" | "gif" | "webp" | "avif" };

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The types people may upload, and that the library writes. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: "image/png", ext: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mimeType: "image/jpeg", ext: "jpg" };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { mimeType: "image/gif", ext: "gif" };
  // WebP: "RIFF" <size> "WEBP".
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return { mimeType: "image/webp", ext: "webp" };
  // AVIF: an ISO media file whose first box is "ftyp" with the brand "avif" (written, never accepted).
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp" && ["avif", "avis"].includes(ascii(bytes, 8, 12)))
    return { mimeType: "image/avif", ext: "avif" };
  return null;
}

/** Accepted as uploads: PNG, JPEG, GIF and WebP. */
export function isUploadableType(type: ImageType | null): type is ImageType {
  return type !== null && type.ext !== "avif";
}
