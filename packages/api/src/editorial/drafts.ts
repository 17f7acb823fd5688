import { ContentKind, Prisma, refreshSearchIndex } from "@observatory/db";
import { type BodyDocument, documentText, emptyDocument, parseDocument } from "@observatory/content";
import { storedDocument } from "../content/body.ts";
import { z } from "zod";
import { closeOpenRounds } from "../workflows/rounds.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError, notFound } from "../errors.ts";
import { ownerForNewItem } from "../review-due/service.ts";
import { can } from "../permissions.ts";
import { type LockedItem, lockItem, type StaffContext, type Tx } from "./common.ts";
import { assertCanTake, workflow } from "./workflow.ts";
import { oneLine } from "../input-text.ts";
import { copyAttachments } from "../publications/revision-attachments.ts";

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const optionalLine = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine(...oneLine(label))
    .transform((v) => v || null);

/** The fields of a revision as the editor form sends them. */
export const revisionFields = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Enter a title")
    .max(200, "Title must be 200 characters or fewer")
    .refine(...oneLine("Title")),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(120, "Web address must be 120 characters or fewer")
    .refine((v) => v === "" || SLUG_PATTERN.test(v), "Web address can only contain letters, numbers and hyphens")
    .default(""),
  summary: z.string().trim().max(500, "Summary must be 500 characters or fewer").default(""),
  /** The body as a document; checked against the schema (and the kind) when saved. */
  body: z.unknown().default(emptyDocument),
  kind: z.enum(ContentKind, "Select a kind of content"),
  workstreamIds: z.array(z.string().min(1).max(40)).max(12, "Choose up to 12 priorities").default([]),
  seoTitle: optionalLine(120, "Search engine title").default(""),
  seoDescription: optionalLine(300, "Search engine description").default(""),
  commentsOpen: z.boolean().default(true),
  /** A library image's id; empty or absent for none. */
  leadImageId: z.string().trim().max(40).optional(),
});
export type RevisionFields = z.output<typeof revisionFields>;

export const saveRevisionInput = revisionFields.extend({
  itemId: z.string().min(1),
  /** The revision the editor was opened on: a save based on anything older is refused as stale. */
  baseRevisionId: z.string().min(1),
  /** An autosave while typing: collapsed into one working revision per person. */
  autosave: z.boolean().default(false),
});

export function slugify(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || "item"
  );
}

async function assertLeadImageExists(tx: Tx, id: string | undefined): Promise<void> {
  if (!id) return;
  if (!(await tx.media.count({ where: { id } }))) {
    throw new AppError("BAD_REQUEST", "Choose a lead image from the library", {
      leadImageId: "Choose a lead image from the library",
    });
  }
}

async function assertWorkstreamsExist(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx.workstream.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) {
    throw new AppError("BAD_REQUEST", "Choose priorities from the list", {
      workstreamIds: "Choose priorities from the list",
    });
  }
}

/** A free slug for a new item: the title's, or with -2, -3 ... when taken (by an item or an old address). */
async function freeSlugFor(tx: Tx, base: string): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [item, redirect] = await Promise.all([
      tx.contentItem.findUnique({ where: { slug: candidate }, select: { id: true } }),
      tx.slugRedirect.findUnique({ where: { fromSlug: candidate }, select: { itemId: true } }),
    ]);
    if (!item && !redirect) return candidate;
  }
  throw new AppError("CONFLICT", "Could not find a free web address for this title: enter one yourself.");
}

/** Refuses a slug another item uses now or used before (its old address still leads there). */
async function assertSlugAvailable(tx: Tx, slug: string, itemId: string | null): Promise<void> {
  const [item, redirect] = await Promise.all([
    tx.contentItem.findUnique({ where: { slug }, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { fromSlug: slug }, select: { itemId: true } }),
  ]);
  if ((item && item.id !== itemId) || (redirect && redirect.itemId !== itemId)) {
    throw new AppError("CONFLICT", "That web address is already used by other content", {
      slug: "That web address is already used by other content: choose another",
    });
  }
}

/** A body checked against the document schema, or the reason it cannot be saved, beside the field. */
export function checkedBody(body: unknown, kind: string): BodyDocument {
  const parsed = parseDocument(body, { kind });
  if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.message, { body: parsed.message });
  return parsed.document;
}

function revisionData(fields: RevisionFields) {
  const document = checkedBody(fields.body, fields.kind);
  return {
    title: fields.title,
    summary: fields.summary,
    document,
    bodyText: documentText(document),
    seoTitle: fields.seoTitle,
    seoDescription: fields.seoDescription,
    leadImageId: fields.leadImageId || null,
  };
}

/**
 * Writes a new item and its first revision (rendered, tagged and indexed for search) as a draft:
 * the one way an item comes into being, whether a person starts it or it is imported.
 */
export async function insertItem(tx: Tx, fields: RevisionFields & { slug: string }, authorId: string, at?: Date) {
  const item = await tx.contentItem.create({
    data: {
      kind: fields.kind,
      slug: fields.slug,
      status: "DRAFT",
      createdById: authorId,
      ownerId: await ownerForNewItem(tx, fields.kind, authorId),
      commentsOpen: fields.commentsOpen,
      ...(at ? { createdAt: at } : {}),
    },
  });
  const revision = await tx.revision.create({
    data: {
      itemId: item.id,
      number: 1,
      authorId,
      ...revisionData(fields),
      workstreams: { create: fields.workstreamIds.map((workstreamId) => ({ workstreamId })) },
      ...(at ? { createdAt: at } : {}),
    },
  });
  await tx.contentItem.update({ where: { id: item.id }, data: { latestRevisionId: revision.id } });
  await refreshSearchIndex(tx, revision.id);
  return { item, revision };
}

/** Starts a new item with its first revision, as a draft of the person creating it. */
export async function createDraft(ctx: StaffContext, fields: RevisionFields) {
  if (!can(ctx.user.role, "content.write")) throw new AppError("FORBIDDEN", "You cannot write content.");
  const result = await ctx.db.$transaction(async (tx) => {
    await assertWorkstreamsExist(tx, fields.workstreamIds);
    await assertLeadImageExists(tx, fields.leadImageId);
    let slug = fields.slug;
    if (slug) await assertSlugAvailable(tx, slug, null);
    else slug = await freeSlugFor(tx, slugify(fields.title));
    const { item, revision } = await insertItem(tx, { ...fields, slug }, ctx.user.id);
    await recordAudit(tx, ctx, {
      action: "content.create",
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Created "${fields.title}" as a draft`,
    });
    return { itemId: item.id, revisionId: revision.id, slug };
  });
  return result;
}

type ChangedField = { field: string; label: string };

type ComparedRevision = {
  title: string;
  summary: string;
  document: unknown;
  seoTitle: string | null;
  seoDescription: string | null;
};

const comparedFields: { key: string; label: string; value: (r: ComparedRevision) => string | null }[] = [
  { key: "title", label: "title", value: (r) => r.title },
  { key: "summary", label: "summary", value: (r) => r.summary },
  { key: "body", label: "body", value: (r) => JSON.stringify(r.document) },
  { key: "seoTitle", label: "search engine title", value: (r) => r.seoTitle },
  { key: "seoDescription", label: "search engine description", value: (r) => r.seoDescription },
];

/**
 * Saves the editor's fields as a new revision of the item (or, for an autosave, into the person's
 * one working copy). A save based on a revision that is no longer the latest is refused with a
 * CONFLICT naming who changed what, and nothing is written: the form keeps the person's text.
 */
export async function saveRevision(ctx: StaffContext, input: z.output<typeof saveRevisionInput>) {
  const { itemId, baseRevisionId, autosave, ...fields } = input;
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, itemId);
    assertCanTake("edit", ctx.user, item);
    const latest = await tx.revision.findUnique({
      where: { id: item.latestRevisionId ?? "" },
      select: {
        id: true,
        number: true,
        authorId: true,
        baseRevisionId: true,
        isAutosave: true,
        title: true,
        summary: true,
        document: true,
        seoTitle: true,
        seoDescription: true,
        updatedAt: true,
        author: { select: { name: true } },
      },
    });
    if (!latest) throw notFound("The item's latest revision");
    // One's own autosave, made from the same starting point, is the working copy, not someone else's change.
    const ownWorkingCopy =
      latest.isAutosave && latest.authorId === ctx.user.id && latest.baseRevisionId === baseRevisionId;
    if (latest.id !== baseRevisionId && !ownWorkingCopy) {
      // What changed since the person opened the editor (their base), not how their text differs.
      const base = await tx.revision.findFirst({ where: { id: baseRevisionId, itemId } });
      const changed: ChangedField[] = comparedFields
        .filter(({ value }) => !base || value(latest) !== value(base))
        .map(({ key, label }) => ({ field: key, label }));
      const what = changed.length ? changed.map((c) => c.label).join(", ") : "other details";
      throw new AppError(
        "CONFLICT",
        `${latest.author.name} saved a newer version (revision ${latest.number}) while you were editing, changing the ${what}. Your text has not been saved and is kept below: compare it with the latest version, then save again.`,
      );
    }
    await assertWorkstreamsExist(tx, fields.workstreamIds);
    await assertLeadImageExists(tx, fields.leadImageId);
    if (fields.slug && fields.slug !== item.slug) await assertSlugAvailable(tx, fields.slug, item.id);

    const data = revisionData(fields);
    const workstreams = fields.workstreamIds.map((workstreamId) => ({ workstreamId }));
    let revisionId: string;
    let number: number;
    if (ownWorkingCopy || (latest.id === baseRevisionId && latest.isAutosave && latest.authorId === ctx.user.id)) {
      // Collapse into the working copy: autosaves never flood the history, and a real save finishes it.
      await tx.revisionWorkstream.deleteMany({ where: { revisionId: latest.id } });
      await tx.revision.update({
        where: { id: latest.id },
        data: { ...data, isAutosave: autosave, workstreams: { create: workstreams } },
      });
      revisionId = latest.id;
      number = latest.number;
    } else {
      const created = await tx.revision.create({
        data: {
          itemId,
          number: latest.number + 1,
          authorId: ctx.user.id,
          baseRevisionId: latest.id,
          isAutosave: autosave,
          ...data,
          workstreams: { create: workstreams },
        },
        select: { id: true, number: true },
      });
      await copyAttachments(tx, latest.id, created.id);
      revisionId = created.id;
      number = created.number;
    }
    await refreshSearchIndex(tx, revisionId);

    const slugChanged = Boolean(fields.slug) && fields.slug !== item.slug;
    if (slugChanged) {
      // The old address keeps working (the public site follows redirects); renaming back reclaims it.
      await tx.slugRedirect.deleteMany({ where: { fromSlug: fields.slug, itemId } });
      await tx.slugRedirect.upsert({
        where: { fromSlug: item.slug },
        create: { fromSlug: item.slug, itemId },
        update: { itemId },
      });
    }
    // Any save starts the workflow again from a draft; what is live or scheduled stays as it is.
    if (item.status === "IN_REVIEW") await closeOpenRounds(tx, itemId);
    await tx.contentItem.update({
      where: { id: itemId },
      data: {
        latestRevisionId: revisionId,
        status: "DRAFT",
        kind: fields.kind,
        commentsOpen: fields.commentsOpen,
        ...(slugChanged ? { slug: fields.slug } : {}),
      },
    });
    if (!autosave) {
      await recordAudit(tx, ctx, {
        action: workflow.edit.audit,
        targetType: "ContentItem",
        targetId: itemId,
        summary: `Saved revision ${number} of "${fields.title}"${slugChanged ? ` (web address now /${fields.slug}, was /${item.slug})` : ""}`,
        data: { revisionId },
      });
    }
    return { itemId, revisionId, number, slug: slugChanged ? fields.slug : item.slug };
  });
}

/** Starts a new draft with the content of an earlier revision; the history is kept as it was. */
export async function restoreRevision(ctx: StaffContext, input: { itemId: string; revisionId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("restore", ctx.user, item);
    return restoreInto(tx, ctx, item, input.revisionId);
  });
}

/**
 * Writes a new latest-numbered revision of the item with the content, tags and attachments of one
 * of its revisions, based on the item's latest, and indexes it for search. The caller moves the
 * item's pointers and status.
 */
export async function insertRevisionCopy(tx: Tx, ctx: StaffContext, item: LockedItem, sourceId: string) {
  const source = await tx.revision.findUniqueOrThrow({
    where: { id: sourceId },
    include: { workstreams: { select: { workstreamId: true } } },
  });
  const latestNumber = await tx.revision.aggregate({ where: { itemId: item.id }, _max: { number: true } });
  const copy = await tx.revision.create({
    data: {
      itemId: item.id,
      number: (latestNumber._max.number ?? 0) + 1,
      authorId: ctx.user.id,
      baseRevisionId: item.latestRevisionId,
      title: source.title,
      summary: source.summary,
      document: storedDocument(source.document),
      bodyText: source.bodyText,
      seoTitle: source.seoTitle,
      seoDescription: source.seoDescription,
      leadImageId: source.leadImageId,
      workstreams: { create: source.workstreams.map((w) => ({ workstreamId: w.workstreamId })) },
    },
    select: { id: true, number: true },
  });
  await copyAttachments(tx, source.id, copy.id);
  await refreshSearchIndex(tx, copy.id);
  return { id: copy.id, number: copy.number, title: source.title, sourceNumber: source.number };
}

/**
 * The restore transition, inside the caller's transaction, on an item already locked and checked:
 * copies the revision into a new draft and brings the item out of the archive, if it was there.
 */
export async function restoreInto(tx: Tx, ctx: StaffContext, item: LockedItem, revisionId: string) {
  const source = await tx.revision.findFirst({ where: { id: revisionId, itemId: item.id }, select: { id: true } });
  if (!source) throw notFound("That revision");
  const restored = await insertRevisionCopy(tx, ctx, item, source.id);
  await closeOpenRounds(tx, item.id);
  await tx.contentItem.update({
    where: { id: item.id },
    data: { latestRevisionId: restored.id, status: "DRAFT", archivedAt: null, archivedFrom: Prisma.DbNull },
  });
  await recordAudit(tx, ctx, {
    action: workflow.restore.audit,
    targetType: "ContentItem",
    targetId: item.id,
    summary: `Restored revision ${restored.sourceNumber} of "${restored.title}" as a new draft (revision ${restored.number})${item.status === "ARCHIVED" ? ", out of the archive" : ""}`,
    data: { fromRevisionId: source.id, revisionId: restored.id },
  });
  return { itemId: item.id, revisionId: restored.id, number: restored.number };
}
