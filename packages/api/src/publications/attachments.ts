import { randomBytes } from "node:crypto";
import { documentText } from "@observatory/content";
import { type Db, type Prisma, refreshSearchIndex } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { lockItem, type LockedItem, type StaffContext, type Tx } from "../editorial/common.ts";
import { checkedBody, insertRevisionCopy } from "../editorial/drafts.ts";
import { assertCanTake, workflow } from "../editorial/workflow.ts";
import { AppError, notFound } from "../errors.ts";
import { oneLine } from "../input-text.ts";
import { mediaStore } from "../media/store.ts";
import { closeOpenRounds } from "../workflows/rounds.ts";
import { checkAttachmentFile, FileRefusal, fileFormats, MAX_ATTACHMENT_BYTES } from "./file-checks.ts";

// A publication's attachments (decision 029): files checked on their bytes and kept in the media
// store, and HTML publications written in the editor. Every change is an edit of the item: it goes
// into the draft the editors work on (a new revision when the latest is submitted, scheduled or
// live), so the public page changes only when that revision is published.

const id = z.string().min(1).max(40);
const title = z
  .string()
  .trim()
  .min(1, "Enter a title for the attachment")
  .max(255, "The title must be 255 characters or fewer")
  .refine(...oneLine("The title"));

export const addFileInput = z.object({
  itemId: id,
  title,
  fileName: z
    .string()
    .trim()
    .min(1, "Choose a file")
    .max(200, "The file name must be 200 characters or fewer")
    .refine(...oneLine("The file name")),
  /** The file, base64-encoded by the admin's form action. */
  contentBase64: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4, "The file must be 20 MB or smaller"),
  isAccessible: z.boolean().default(false),
});

export const updateAttachmentInput = z.object({ itemId: id, originId: id, title, isAccessible: z.boolean() });
export const attachmentRef = z.object({ itemId: id, originId: id });
export const moveAttachmentInput = attachmentRef.extend({ direction: z.enum(["up", "down"]) });

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const htmlAttachmentInput = z.object({
  itemId: id,
  /** Absent for a new HTML publication. */
  originId: id.optional(),
  title,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter a web address")
    .max(80, "The web address must be 80 characters or fewer")
    .refine((v) => SLUG_PATTERN.test(v), "The web address can only contain letters, numbers and hyphens"),
  body: z.unknown(),
});

/**
 * Runs `change` on the revision editors work on, under the item's lock, after the workflow's edit
 * check: that revision when it is an unsubmitted draft nobody sees, else a new draft revision
 * copied from it. Then re-indexes it for search and records the audit event.
 */
async function changeAttachments<T>(
  ctx: StaffContext,
  itemId: string,
  change: (tx: Tx, revisionId: string, item: LockedItem) => Promise<{ result: T; summary: string }>,
): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, itemId);
    assertCanTake("edit", ctx.user, item);
    if (item.kind !== "PUBLICATION") {
      throw new AppError("BAD_REQUEST", "Only publications have attachments. Change its kind to Publication first.");
    }
    const latest = await tx.revision.findUnique({
      where: { id: item.latestRevisionId ?? "" },
      select: { id: true, submittedAt: true },
    });
    if (!latest) throw notFound("The item's latest revision");
    const isOpenDraft =
      latest.submittedAt === null && latest.id !== item.liveRevisionId && latest.id !== item.scheduledRevisionId;
    const revisionId = isOpenDraft ? latest.id : (await insertRevisionCopy(tx, ctx, item, latest.id)).id;
    const { result, summary } = await change(tx, revisionId, item);
    await refreshSearchIndex(tx, revisionId);
    if (item.status === "IN_REVIEW") await closeOpenRounds(tx, itemId);
    await tx.contentItem.update({ where: { id: itemId }, data: { latestRevisionId: revisionId, status: "DRAFT" } });
    await recordAudit(tx, ctx, {
      action: workflow.edit.audit,
      targetType: "ContentItem",
      targetId: itemId,
      summary,
      data: { revisionId },
    });
    return result;
  });
}

async function findOnRevision(tx: Tx, revisionId: string, originId: string) {
  const row = await tx.attachment.findUnique({ where: { revisionId_originId: { revisionId, originId } } });
  if (!row) throw notFound("That attachment");
  return row;
}

async function nextPosition(tx: Tx, revisionId: string): Promise<number> {
  const last = await tx.attachment.aggregate({ where: { revisionId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Checks an uploaded file on its bytes, stores it and attaches it to the item's draft. */
export async function addFileAttachment(ctx: StaffContext, input: z.output<typeof addFileInput>) {
  const bytes = Buffer.from(input.contentBase64, "base64");
  let checked: Awaited<ReturnType<typeof checkAttachmentFile>>;
  try {
    checked = await checkAttachmentFile(bytes, input.fileName);
  } catch (error) {
    if (error instanceof FileRefusal) throw new AppError("BAD_REQUEST", error.message, { file: error.message });
    throw error;
  }
  const format = fileFormats[checked.format];
  const storageKey = `${randomBytes(15).toString("hex").slice(0, 24)}.${format.ext}`;
  await mediaStore().put(storageKey, bytes, format.mimeType);
  try {
    return await changeAttachments(ctx, input.itemId, async (tx, revisionId) => {
      const originId = randomBytes(12).toString("hex");
      await tx.attachment.create({
        data: {
          revisionId,
          originId,
          position: await nextPosition(tx, revisionId),
          title: input.title,
          format: checked.format,
          storageKey,
          fileName: input.fileName,
          byteSize: bytes.length,
          pageCount: checked.pageCount,
          isAccessible: input.isAccessible,
        },
      });
      const pages = checked.pageCount ? `, ${checked.pageCount} pages` : "";
      return {
        result: { originId, revisionId },
        summary: `Attached "${input.title}" (${format.label}, ${formatSize(bytes.length)}${pages})`,
      };
    });
  } catch (error) {
    // A file no row points at would never be served.
    await mediaStore().delete(storageKey);
    throw error;
  }
}

/** Changes an attachment's title and whether it meets accessibility requirements. */
export function updateAttachment(ctx: StaffContext, input: z.output<typeof updateAttachmentInput>) {
  return changeAttachments(ctx, input.itemId, async (tx, revisionId) => {
    const row = await findOnRevision(tx, revisionId, input.originId);
    if (row.format === "HTML" && !input.isAccessible) {
      throw new AppError("BAD_REQUEST", "An HTML publication is always accessible", {
        isAccessible: "An HTML publication is always accessible",
      });
    }
    await tx.attachment.update({
      where: { id: row.id },
      data: { title: input.title, isAccessible: input.isAccessible },
    });
    return {
      result: { revisionId },
      summary: `Changed attachment "${input.title}"${row.isAccessible !== input.isAccessible ? (input.isAccessible ? ": meets accessibility requirements" : ": does not meet accessibility requirements") : ""}`,
    };
  });
}

/** Takes an attachment off the draft; the live revision keeps it until the draft is published. */
export function removeAttachment(ctx: StaffContext, input: z.output<typeof attachmentRef>) {
  return changeAttachments(ctx, input.itemId, async (tx, revisionId) => {
    const row = await findOnRevision(tx, revisionId, input.originId);
    await tx.attachment.delete({ where: { id: row.id } });
    return { result: { revisionId }, summary: `Removed attachment "${row.title}"` };
  });
}

/** Moves an attachment one place up or down the list. */
export function moveAttachment(ctx: StaffContext, input: z.output<typeof moveAttachmentInput>) {
  return changeAttachments(ctx, input.itemId, async (tx, revisionId) => {
    const rows = await tx.attachment.findMany({ where: { revisionId }, orderBy: { position: "asc" } });
    const index = rows.findIndex((r) => r.originId === input.originId);
    const row = rows[index];
    if (!row) throw notFound("That attachment");
    const other = rows[input.direction === "up" ? index - 1 : index + 1];
    if (other) {
      await tx.attachment.update({ where: { id: row.id }, data: { position: other.position } });
      await tx.attachment.update({ where: { id: other.id }, data: { position: row.position } });
    }
    return { result: { revisionId }, summary: `Moved attachment "${row.title}" ${input.direction}` };
  });
}

/** Writes an HTML publication (new, or a change to one) into the item's draft. */
export function saveHtmlAttachment(ctx: StaffContext, input: z.output<typeof htmlAttachmentInput>) {
  const document = checkedBody(input.body, "PUBLICATION");
  return changeAttachments(ctx, input.itemId, async (tx, revisionId) => {
    const clash = await tx.attachment.findUnique({ where: { revisionId_slug: { revisionId, slug: input.slug } } });
    if (clash && clash.originId !== input.originId) {
      throw new AppError("CONFLICT", "Another HTML publication of this item uses that web address", {
        slug: "Another HTML publication of this item uses that web address: choose another",
      });
    }
    const data = {
      title: input.title,
      slug: input.slug,
      document: document as Prisma.InputJsonValue,
      bodyText: documentText(document),
    };
    if (input.originId) {
      const row = await findOnRevision(tx, revisionId, input.originId);
      if (row.format !== "HTML") throw notFound("That HTML publication");
      await tx.attachment.update({ where: { id: row.id }, data });
      return { result: { originId: row.originId, revisionId }, summary: `Changed HTML publication "${input.title}"` };
    }
    const originId = randomBytes(12).toString("hex");
    await tx.attachment.create({
      data: {
        ...data,
        revisionId,
        originId,
        position: await nextPosition(tx, revisionId),
        format: "HTML",
        isAccessible: true,
      },
    });
    return { result: { originId, revisionId }, summary: `Added HTML publication "${input.title}"` };
  });
}

const listed = {
  originId: true,
  title: true,
  format: true,
  storageKey: true,
  fileName: true,
  byteSize: true,
  pageCount: true,
  isAccessible: true,
  slug: true,
} satisfies Prisma.AttachmentSelect;

/** The attachments of a revision, in their order, as lists show them. */
export function attachmentsOf(db: Pick<Db, "attachment">, revisionId: string) {
  return db.attachment.findMany({ where: { revisionId }, orderBy: { position: "asc" }, select: listed });
}

/** For the admin: the item's kind and the attachments of the revision editors work on. */
export async function draftAttachments(db: Db, itemId: string) {
  const item = await db.contentItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      kind: true,
      slug: true,
      title: true,
      status: true,
      latestRevisionId: true,
      liveRevisionId: true,
    },
  });
  if (!item) throw notFound("That content item");
  const [draft, live] = await Promise.all([
    item.latestRevisionId ? attachmentsOf(db, item.latestRevisionId) : [],
    item.liveRevisionId && item.liveRevisionId !== item.latestRevisionId
      ? attachmentsOf(db, item.liveRevisionId)
      : null,
  ]);
  return { item, attachments: draft, liveAttachments: live };
}

/** One HTML publication of the item's draft, for its editor page. */
export async function draftHtmlAttachment(db: Db, itemId: string, originId: string) {
  const item = await db.contentItem.findUnique({ where: { id: itemId }, select: { latestRevisionId: true } });
  const row = await db.attachment.findUnique({
    where: { revisionId_originId: { revisionId: item?.latestRevisionId ?? "", originId } },
    select: { originId: true, title: true, slug: true, document: true, format: true },
  });
  if (row?.format !== "HTML") throw notFound("That HTML publication");
  return row;
}
