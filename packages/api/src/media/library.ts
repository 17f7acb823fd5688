import { randomBytes } from "node:crypto";
import type { Db, Prisma } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { AppError, notFound } from "../errors.ts";
import type { StaffContext } from "../editorial/common.ts";
import { oneLine } from "../input-text.ts";
import { decodeTimeCursor, encodeTimeCursor } from "../keyset-cursor.ts";
import { checkedAlt, mediaText, titleField, titleFromFileName } from "./fields.ts";
import { detectImageType, isUploadableType } from "./file-types.ts";
import { cleanOriginal, makeVariants, type ProcessedFile, uprightSize } from "./processing.ts";
import { mediaStore } from "./store.ts";
import { contentTypeOf, fallbackVariants, mediaUrl, readVariants, type Variant } from "./variants.ts";

// The media library: upload once, find, describe, and use anywhere.

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 24;

export const uploadInput = mediaText.extend({
  fileName: z
    .string()
    .trim()
    .min(1, "Choose an image")
    .max(200, "The file name must be 200 characters or fewer")
    .refine(...oneLine("The file name")),
  /** The file, base64-encoded (the admin's form action or the browser encodes it). */
  contentBase64: z.string().max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 4, "The image must be 5 MB or smaller"),
  title: titleField,
});

export const updateInput = mediaText.extend({ id: z.string().min(1).max(40), title: titleField });

export const listInput = z.object({
  q: z.string().trim().max(100, "Search for 100 characters or fewer").default(""),
  after: z.string().max(200).optional(),
});

/** Writes the processed files under `base` ("<base>.png", "<base>-640.webp" ...); returns their keys. */
async function storeFiles(base: string, files: ProcessedFile[]): Promise<string[]> {
  const store = mediaStore();
  const keys: string[] = [];
  for (const file of files) {
    const key = `${base}${file.suffix}`;
    await store.put(key, file.bytes, file.format === "gif" ? "image/gif" : contentTypeOf[file.format]);
    keys.push(key);
  }
  return keys;
}

const describeVariants = (base: string, files: ProcessedFile[]): Variant[] =>
  files.map((file) => ({
    key: `${base}${file.suffix}`,
    format: file.format === "gif" ? "png" : file.format,
    width: file.width,
    height: file.height,
    byteSize: file.bytes.length,
  }));

/**
 * Takes an image into the library: its type and size checked on the bytes, turned upright and
 * stripped of metadata, resized into the variants pages use, and recorded with its description.
 */
export async function uploadMedia(ctx: StaffContext, input: z.output<typeof uploadInput>) {
  const bytes = Buffer.from(input.contentBase64, "base64");
  if (bytes.length === 0)
    throw new AppError("BAD_REQUEST", "The image is empty", { file: "The selected file is empty" });
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new AppError("BAD_REQUEST", "The image is too big", { file: "The image must be 5 MB or smaller" });
  }
  const type = detectImageType(bytes);
  if (!isUploadableType(type)) {
    throw new AppError("BAD_REQUEST", "That file is not an image we accept", {
      file: "The image must be a PNG, JPEG, GIF or WebP",
    });
  }
  const alt = checkedAlt(input, input.fileName);
  const original = await cleanOriginal(bytes, type);
  const variants = await makeVariants(original.bytes);
  const base = randomBytes(15).toString("hex").slice(0, 24);
  const keys = await storeFiles(base, [original, ...variants]);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.media.create({
        data: {
          storageKey: `${base}${original.suffix}`,
          fileName: input.fileName,
          mimeType: type.mimeType,
          byteSize: original.bytes.length,
          width: original.width,
          height: original.height,
          title: input.title || titleFromFileName(input.fileName),
          alt,
          decorative: input.decorative,
          caption: input.caption,
          credit: input.credit,
          variants: describeVariants(base, variants) as Prisma.InputJsonValue,
          uploadedById: ctx.user.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx, {
        action: "media.upload",
        targetType: "Media",
        targetId: created.id,
        summary: `Uploaded image ${input.fileName} (${Math.ceil(bytes.length / 1024)} KB, ${original.width} by ${original.height} pixels)`,
      });
      return { id: created.id };
    });
  } catch (error) {
    // Files no row points at would never be served or cleaned up.
    await Promise.all(keys.map((key) => mediaStore().delete(key)));
    throw error;
  }
}

/**
 * Makes the variants of an image uploaded before the library had them, from its stored original,
 * and records them. Returns none when the original is missing or unreadable.
 */
export async function backfillVariants(
  db: Db,
  media: { id: string; storageKey: string },
): Promise<{ variants: Variant[]; width: number; height: number } | null> {
  const original = await mediaStore().get(media.storageKey);
  if (!original || !isUploadableType(detectImageType(original))) return null;
  const made = await Promise.all([makeVariants(original), uprightSize(original)]).catch(() => null);
  if (!made) return null;
  const [files, size] = made;
  const base = media.storageKey.replace(/\.[a-z]+$/, "");
  await storeFiles(base, files);
  const variants = describeVariants(base, files);
  await db.media.update({
    where: { id: media.id },
    data: { variants: variants as Prisma.InputJsonValue, width: size.width, height: size.height },
  });
  return { variants, ...size };
}

const listSelect = {
  id: true,
  title: true,
  fileName: true,
  alt: true,
  decorative: true,
  width: true,
  height: true,
  byteSize: true,
  storageKey: true,
  variants: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.MediaSelect;

/** The smallest fallback file, for thumbnails (the original for an image without variants yet). */
const thumbnailOf = (media: { storageKey: string; variants: unknown }) => {
  const smallest = fallbackVariants(readVariants(media.variants))[0];
  return mediaUrl(smallest?.key ?? media.storageKey);
};

/** The library, newest first, in keyset pages; `q` searches titles, alt text and file names. */
export async function listMedia(db: Db, input: z.output<typeof listInput>) {
  const cursor = input.after ? decodeTimeCursor(input.after) : null;
  if (input.after && !cursor) {
    throw new AppError("BAD_REQUEST", "That page link is not valid: start again from the first page.");
  }
  const contains = { contains: input.q, mode: "insensitive" as const };
  const where: Prisma.MediaWhereInput = {
    AND: [
      input.q ? { OR: [{ title: contains }, { alt: contains }, { fileName: contains }] } : {},
      cursor
        ? {
            OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
          }
        : {},
    ],
  };
  const rows = await db.media.findMany({
    where,
    select: listSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map(({ storageKey, variants, uploadedBy, ...media }) => ({
      ...media,
      uploadedByName: uploadedBy.name,
      thumbnailUrl: thumbnailOf({ storageKey, variants }),
    })),
    next: rows.length > PAGE_SIZE && last ? encodeTimeCursor(last) : null,
  };
}

/** One image with its files and the items that show it (as their lead image or in their body). */
export async function getMedia(db: Db, id: string) {
  const media = await db.media.findUnique({
    where: { id },
    select: { ...listSelect, mimeType: true, caption: true, credit: true, updatedAt: true },
  });
  if (!media) throw notFound("That image");
  // Items whose latest or live revision shows it: as the lead image, or in the body.
  const usedBy = await db.$queryRaw<{ id: string; title: string }[]>`
    SELECT DISTINCT i."id", i."title" FROM "ContentItem" i
    JOIN "Revision" r ON r."id" IN (i."latestRevisionId", i."liveRevisionId")
    WHERE r."leadImageId" = ${id}
      OR jsonb_path_exists(r."document", '$.** ? (@.type == "image" && @.attrs.mediaId == $id)', jsonb_build_object('id', ${id}::text))
    ORDER BY i."title", i."id"
    LIMIT 50`;
  const { storageKey, variants, uploadedBy, ...rest } = media;
  return {
    ...rest,
    uploadedByName: uploadedBy.name,
    originalUrl: mediaUrl(storageKey),
    thumbnailUrl: thumbnailOf({ storageKey, variants }),
    variants: readVariants(variants).map((v) => ({ ...v, url: mediaUrl(v.key) })),
    usedBy,
  };
}

/** Changes an image's description; pages that show it change with it. */
export async function updateMedia(ctx: StaffContext, input: z.output<typeof updateInput>) {
  return ctx.db.$transaction(async (tx) => {
    const media = await tx.media.findUnique({ where: { id: input.id }, select: { id: true, fileName: true } });
    if (!media) throw notFound("That image");
    const alt = checkedAlt(input, media.fileName);
    await tx.media.update({
      where: { id: media.id },
      data: {
        title: input.title || titleFromFileName(media.fileName),
        alt,
        decorative: input.decorative,
        caption: input.caption,
        credit: input.credit,
      },
    });
    await recordAudit(tx, ctx, {
      action: "media.update",
      targetType: "Media",
      targetId: media.id,
      summary: `Changed the description of image ${media.fileName}${input.decorative ? " (decorative)" : ""}`,
    });
    return { id: media.id };
  });
}

/** The newest images to choose from (a lead image), and the one already chosen wherever it is in the library. */
export async function recentMedia(db: Db, including: string | undefined, take = 50) {
  const select = { id: true, title: true, alt: true, decorative: true, storageKey: true, variants: true } as const;
  const rows = await db.media.findMany({ select, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  const chosen =
    including && !rows.some((row) => row.id === including)
      ? await db.media.findUnique({ where: { id: including }, select })
      : null;
  return [...(chosen ? [chosen] : []), ...rows].map(({ storageKey, variants, ...media }) => ({
    ...media,
    thumbnailUrl: thumbnailOf({ storageKey, variants }),
  }));
}
