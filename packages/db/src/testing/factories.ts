import type { Db } from "../client.ts";
import type { ContentKind, ContentStatus, Role } from "../generated/prisma/enums.ts";
import { type BodyDocument, documentText } from "@observatory/content";
import { refreshSearchIndex } from "../search.ts";

// Test data builders: each writes the rows for one realistic state and returns their ids.

/** A body of plain paragraphs (one per blank-line-separated block of the text), as the editor saves it. */
export function bodyOf(text: string): BodyDocument {
  const blocks = text.split(/\n{2,}/).filter((block) => block.trim());
  if (blocks.length === 0) return { type: "doc", content: [{ type: "paragraph" }] };
  return {
    type: "doc",
    content: blocks.map((block) => ({
      type: "paragraph",
      content: [{ type: "text", text: block.replace(/\n/g, " ") }],
    })),
  };
}

let sequence = 0;
const next = () => {
  sequence += 1;
  return `${Date.now().toString(36)}${sequence}`;
};

export async function createUser(db: Db, role: Role = "AUTHOR", fields: { email?: string; name?: string } = {}) {
  const n = next();
  return db.user.create({
    data: {
      email: fields.email ?? `${role.toLowerCase()}-${n}@observatory.test`,
      name: fields.name ?? `${role} ${n}`,
      role,
    },
  });
}

export async function createWorkstream(db: Db, fields: { slug?: string; title?: string; position?: number } = {}) {
  const n = next();
  return db.workstream.create({
    data: {
      slug: fields.slug ?? `priority-${n}`,
      title: fields.title ?? `Priority ${n}`,
      summary: "A priority.",
      description: bodyOf("About this priority."),
      position: fields.position ?? sequence,
    },
  });
}

export type RevisionSpec = { title: string; summary?: string; body?: string; workstreamIds?: string[] };

export type ItemSpec = {
  kind?: ContentKind;
  slug?: string;
  authorId: string;
  status?: ContentStatus;
  commentsOpen?: boolean;
  /** The revision the public sees (recorded as live). */
  live?: RevisionSpec & { publishedAt?: Date };
  /** An approved revision waiting for `publishAt`. */
  scheduled?: RevisionSpec & { publishAt: Date };
  /** A newer revision still in the workflow (draft or in review). */
  pending?: RevisionSpec;
  unpublishAt?: Date;
};

/** Writes an item in the state the spec describes; returns the item and its revision ids. */
export async function createItem(db: Db, spec: ItemSpec) {
  const slug = spec.slug ?? `item-${next()}`;
  const item = await db.contentItem.create({
    data: {
      kind: spec.kind ?? "NEWS",
      slug,
      createdById: spec.authorId,
      commentsOpen: spec.commentsOpen ?? true,
      status: "DRAFT",
    },
  });
  let number = 0;
  const addRevision = async (r: RevisionSpec) => {
    number += 1;
    const body = bodyOf(r.body ?? `The body of ${r.title}.`);
    const revision = await db.revision.create({
      data: {
        itemId: item.id,
        number,
        authorId: spec.authorId,
        title: r.title,
        summary: r.summary ?? `Summary of ${r.title}`,
        document: body,
        bodyText: documentText(body),
        workstreams: { create: (r.workstreamIds ?? []).map((workstreamId) => ({ workstreamId })) },
      },
    });
    await refreshSearchIndex(db, revision.id);
    return revision.id;
  };
  const liveId = spec.live ? await addRevision(spec.live) : null;
  const scheduledId = spec.scheduled ? await addRevision(spec.scheduled) : null;
  const pendingId = spec.pending ? await addRevision(spec.pending) : null;
  const status: ContentStatus =
    spec.status ?? (pendingId ? "IN_REVIEW" : scheduledId ? "SCHEDULED" : liveId ? "PUBLISHED" : "DRAFT");
  const publishedAt =
    spec.live?.publishedAt ?? (liveId ? new Date(Date.now() - 60_000) : (spec.scheduled?.publishAt ?? null));
  await db.contentItem.update({
    where: { id: item.id },
    data: {
      status,
      liveRevisionId: liveId,
      scheduledRevisionId: scheduledId,
      publishAt: spec.scheduled?.publishAt ?? null,
      latestRevisionId: pendingId ?? scheduledId ?? liveId,
      publishedAt,
      liveSince: liveId ? publishedAt : null,
      unpublishAt: spec.unpublishAt ?? null,
    },
  });
  return { id: item.id, slug, liveId, scheduledId, pendingId };
}

export async function createComment(
  db: Db,
  fields: {
    /** A fixed id, for a journey that refers to the comment by it. */
    id?: string;
    itemId: string;
    parentId?: string;
    status?: "PENDING" | "APPROVED" | "REJECTED" | "SPAM";
    body?: string;
    email?: string;
    name?: string;
    /** Which spam or moderation rules fired. */
    flags?: string[];
    approvedAt?: Date;
    /** The keyed hash of the sender's address; a fixed one unless given (null: already cleared). */
    ipHash?: string | null;
  },
) {
  return db.comment.create({
    data: {
      ...(fields.id ? { id: fields.id } : {}),
      itemId: fields.itemId,
      parentId: fields.parentId ?? null,
      authorName: fields.name ?? "A reader",
      authorEmail: fields.email ?? `reader-${next()}@example.org`,
      body: fields.body ?? "A thoughtful comment.",
      status: fields.status ?? "APPROVED",
      ipHash: fields.ipHash === undefined ? "0123456789abcdef0123456789abcdef" : fields.ipHash,
      moderationNote: fields.status === "REJECTED" ? "internal note" : null,
      flags: fields.flags ?? [],
      approvedAt: fields.approvedAt ?? null,
    },
  });
}
