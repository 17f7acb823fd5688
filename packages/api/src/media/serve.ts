import { detectImageType } from "./file-types.ts";
import { mediaStore } from "./store.ts";

/** A stored file's key: 24 random letters and digits, a width for a variant, and the format's extension. */
const KEY_PATTERN = /^[a-z0-9]{24}(?:-[0-9]{1,5})?\.(png|jpg|gif|webp|avif)$/;

/**
 * A library file's bytes and type, for both apps' /media/<key>; null for anything that is not one
 * (an unknown key, a path trick, or bytes that are not the image type the key names).
 */
export async function readMedia(key: string): Promise<{ bytes: Buffer; mimeType: string } | null> {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const bytes = await mediaStore().get(key);
  const type = bytes && detectImageType(bytes);
  return bytes && type && type.ext === match[1] ? { bytes, mimeType: type.mimeType } : null;
}
