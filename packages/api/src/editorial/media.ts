import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { apiConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import type { StaffContext } from "./common.ts";
import { oneLine } from "../input-text.ts";

// Images for content bodies, kept on local disk under MEDIA_DIR and served by the public site at
// /media/<key>. The type comes from the file's first bytes, never from its name or the browser's
// claim, so a script renamed .png is refused.

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const types = [
  { mimeType: "image/png", ext: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mimeType: "image/jpeg", ext: "jpg", magic: [0xff, 0xd8, 0xff] },
  { mimeType: "image/gif", ext: "gif", magic: [0x47, 0x49, 0x46, 0x38] },
] as const;

function detectType(bytes: Uint8Array): { mimeType: string; ext: string } | null {
  const known = types.find((t) => t.magic.every((b, i) => bytes[i] === b));
  if (known) return known;
  // WebP: "RIFF" <size> "WEBP".
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP")
    return { mimeType: "image/webp", ext: "webp" };
  return null;
}

export const uploadImageInput = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, "Choose an image")
    .max(200)
    .refine(...oneLine("The file name")),
  /** The file, base64-encoded (the browser or the admin's form action encodes it). */
  contentBase64: z.string().max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 4, "The image must be 5 MB or smaller"),
  alt: z
    .string()
    .trim()
    .min(1, "Describe the image for people who cannot see it (alt text)")
    .max(250, "Alt text must be 250 characters or fewer")
    .refine((v) => !/[[\]\n]/.test(v), "Alt text cannot contain square brackets or line breaks"),
});

const KEY_PATTERN = /^[a-z0-9]{24}\.(png|jpg|gif|webp)$/;

export async function uploadImage(ctx: StaffContext, input: z.output<typeof uploadImageInput>) {
  const bytes = Buffer.from(input.contentBase64, "base64");
  if (bytes.length === 0)
    throw new AppError("BAD_REQUEST", "The image is empty", { file: "The selected file is empty" });
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new AppError("BAD_REQUEST", "The image is too big", { file: "The image must be 5 MB or smaller" });
  }
  const type = detectType(bytes);
  if (!type) {
    throw new AppError("BAD_REQUEST", "That file is not an image we accept", {
      file: "The image must be a PNG, JPEG, GIF or WebP",
    });
  }
  const key = `${randomBytes(15).toString("hex").slice(0, 24)}.${type.ext}`;
  const dir = apiConfig().mediaDir;
  await mkdir(dir, { recursive: true });
  // Written under a temporary name and renamed, so a half-written file is never served.
  const temporary = path.join(dir, `.${key}.part`);
  await writeFile(temporary, bytes);
  await rename(temporary, path.join(dir, key));
  const media = await ctx.db.$transaction(async (tx) => {
    const created = await tx.media.create({
      data: {
        storageKey: key,
        fileName: input.fileName,
        mimeType: type.mimeType,
        byteSize: bytes.length,
        alt: input.alt,
        uploadedById: ctx.user.id,
      },
      select: { id: true, storageKey: true },
    });
    await recordAudit(tx, ctx, {
      action: "media.upload",
      targetType: "Media",
      targetId: created.id,
      summary: `Uploaded image ${input.fileName} (${Math.ceil(bytes.length / 1024)} KB)`,
    });
    return created;
  });
  const url = `/media/${media.storageKey}`;
  return { id: media.id, url, markdown: `![${input.alt}](${url})` };
}

/** An uploaded image's bytes and type, or null for anything that is not one (including path tricks). */
export async function readMedia(key: string): Promise<{ bytes: Buffer; mimeType: string } | null> {
  if (!KEY_PATTERN.test(key)) return null;
  try {
    const bytes = await readFile(path.join(apiConfig().mediaDir, key));
    const type = detectType(bytes);
    return type ? { bytes, mimeType: type.mimeType } : null;
  } catch (error) {
    // No such file is a 404; a disk that cannot be read is a server error, not a missing image.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
