import { z } from "zod";
import { renderVisibleBodies } from "./body.ts";
import { approvedThread } from "../comments/public-service.ts";
import { AppError, notFound } from "../errors.ts";
import { publicProcedure, router } from "../trpc.ts";
import { readPublicState } from "./public-state.ts";
import { publishedYears, searchPublished, suggestSpelling } from "./search.ts";
import { kindForSection, kindSections, type ListedKind, listedKinds } from "./kinds.ts";
import {
  findPublished,
  findRedirect,
  findRemoved,
  listAllPublishedPaths,
  listPublished,
  newestPublished,
} from "./public-service.ts";
import { publicAttachments } from "../publications/public.ts";

export const PAGE_SIZE = 10;

/** Search covers every kind, pages included; the filter names each by its `searchName` ("blogs", "pages"). */
const searchKinds = [...listedKinds, "PAGE"] as const;
const MAX_PAGE = 10_000;

const section = z.enum(["all", ...listedKinds.map((k) => kindSections[k].path)] as [string, ...string[]]);
const slug = z.string().trim().min(1).max(200);
const page = z.coerce.number().int().min(1).max(MAX_PAGE).default(1);
/** A year filter from an address: a value that is not a year is ignored rather than refused. */
const year = z.coerce.number().int().min(1900).max(9999).optional().catch(undefined);

function kindsFor(sectionName: string): ListedKind[] {
  const kind = kindForSection(sectionName);
  return kind ? [kind] : [...listedKinds];
}

async function workstreamBySlug(ctx: { db: import("@observatory/db").Db }, slugValue: string | undefined) {
  if (!slugValue) return null;
  const workstream = await ctx.db.workstream.findUnique({
    where: { slug: slugValue },
    select: { id: true, slug: true, title: true },
  });
  if (!workstream) throw notFound("That priority");
  return workstream;
}

export const contentRouter = router({
  latest: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(24).default(6), section: section.default("all") }))
    .query(async ({ ctx, input }) => {
      return newestPublished(ctx.db, { kinds: kindsFor(input.section) }, { limit: input.limit, now: new Date() });
    }),

  list: publicProcedure
    .input(
      z.object({
        section: section.default("all"),
        workstream: slug.optional(),
        year,
        page,
      }),
    )
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const workstream = await workstreamBySlug(ctx, input.workstream);
      const { items, total } = await listPublished(
        ctx.db,
        { kinds: kindsFor(input.section), workstreamId: workstream?.id, year: input.year },
        { page: input.page, pageSize: PAGE_SIZE, now },
      );
      const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (input.page > pageCount)
        throw new AppError("NOT_FOUND", `There is no page ${input.page}: the last page is ${pageCount}.`);
      return {
        items,
        total,
        page: input.page,
        pageCount,
        workstream: workstream && { slug: workstream.slug, title: workstream.title },
        year: input.year ?? null,
      };
    }),

  /** The years anything in this section was published in, newest first: a listing's year filter choices. */
  years: publicProcedure
    .input(z.object({ section }))
    .query(({ ctx, input }) => publishedYears(ctx.db, new Date(), kindsFor(input.section))),

  /** A published article with its related items and approved comments; or where it moved, or that it is gone. */
  article: publicProcedure
    .input(
      z.object({
        section: z.enum(["page", ...listedKinds.map((k) => kindSections[k].path)] as [string, ...string[]]),
        slug,
      }),
    )
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const kind = input.section === "page" ? "PAGE" : kindForSection(input.section);
      const item = kind ? await findPublished(ctx.db, kind, input.slug, now) : null;
      if (!item) {
        const redirect = await findRedirect(ctx.db, input.slug, now);
        if (redirect) return { kind: "redirect" as const, location: redirect };
        // Unpublished: where it now redirects, or that it was removed (decision 027), never a bare 404.
        const removed = kind ? await findRemoved(ctx.db, kind, input.slug) : null;
        if (removed) return removed;
        throw notFound("That page");
      }
      const [related, thread, attachments] = await Promise.all([
        item.workstreams.length && item.kind !== "PAGE"
          ? newestPublished(
              ctx.db,
              { kinds: [...listedKinds], revisionTagsOf: item.revisionId, excludeItemId: item.id },
              { limit: 3, now },
            )
          : Promise.resolve([]),
        approvedThread(ctx.db, item.id),
        item.kind === "PUBLICATION" ? publicAttachments(ctx.db, item.revisionId, item.path) : Promise.resolve([]),
      ]);
      const { revisionId: _revisionId, ...publicItem } = item;
      return {
        kind: "item" as const,
        item: publicItem,
        related,
        comments: thread.comments,
        commentCount: thread.count,
        attachments,
      };
    }),

  search: publicProcedure
    .input(
      z.object({
        q: z.string().default(""),
        page,
        // Filters from the form beside the results; a value that names nothing is ignored.
        kinds: z.array(z.string()).default([]),
        priority: z.string().default(""),
        year,
      }),
    )
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const [priorities, years] = await Promise.all([
        ctx.db.workstream.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, title: true } }),
        publishedYears(ctx.db, now),
      ]);
      const kinds = searchKinds.filter((k) => input.kinds.includes(kindSections[k].searchName));
      const priority = priorities.find((p) => p.slug === input.priority);
      const year = years.find((y) => y === input.year);
      const options = {
        kinds: searchKinds.map((k) => ({ value: kindSections[k].searchName, label: kindSections[k].label })),
        priorities: priorities.map((p) => ({ value: p.slug, label: p.title })),
        years,
      };
      const filters = {
        kinds: kinds.map((k) => kindSections[k].searchName),
        priority: priority?.slug ?? "",
        year: year ?? null,
      };
      // Long or odd queries are cut and searched as words, never rejected.
      const q = input.q.replace(/\s+/g, " ").trim().slice(0, 200);
      const empty = { q, searchedFor: q, suggestion: null, hits: [], total: 0, page: 1, pageCount: 0 };
      if (!q) return { ...empty, filters, options };
      const filter = { kinds, workstreamId: priority?.id, year };
      const at = { page: input.page, pageSize: PAGE_SIZE, now };
      const [found, suggestion] = await Promise.all([
        searchPublished(ctx.db, q, filter, at),
        suggestSpelling(ctx.db, q, now),
      ]);
      // Nothing found as typed, but something as it was probably meant: show that, and say so.
      const corrected = found.total === 0 && suggestion ? await searchPublished(ctx.db, suggestion, filter, at) : null;
      const shown = corrected?.total
        ? { ...corrected, searchedFor: suggestion ?? q, suggestion: null }
        : { ...found, searchedFor: q, suggestion };
      return { q, ...shown, page: input.page, pageCount: Math.ceil(shown.total / PAGE_SIZE), filters, options };
    }),

  feed: publicProcedure
    .input(z.object({ section: section.default("all"), workstream: slug.optional() }))
    .query(async ({ ctx, input }) => {
      const workstream = await workstreamBySlug(ctx, input.workstream);
      const now = new Date();
      const items = await newestPublished(
        ctx.db,
        // Withdrawn items keep their entries: a feed is a history (decision 027).
        { kinds: kindsFor(input.section), workstreamId: workstream?.id, includeWithdrawn: true },
        { limit: 30, now },
      );
      // Each entry carries its body as the page shows it (feed readers show the whole item) and
      // its author as the page names them.
      const ids = items.map((item) => item.id);
      const [bodies, authors] = await Promise.all([
        renderVisibleBodies(ctx.db, ids, now),
        ctx.db.contentItem.findMany({
          where: { id: { in: ids } },
          select: { id: true, createdBy: { select: { name: true } } },
        }),
      ]);
      const authorOf = new Map(authors.map((a) => [a.id, a.createdBy.name]));
      return {
        items: items.map((item) => ({
          ...item,
          contentHtml: bodies.get(item.id) ?? "",
          authorName: authorOf.get(item.id) ?? "",
        })),
        workstream: workstream && { slug: workstream.slug, title: workstream.title },
      };
    }),

  /** The version of what the public can see and when a schedule next changes it (for page caches). */
  publicState: publicProcedure.query(({ ctx }) => readPublicState(ctx.db, new Date())),

  sitemap: publicProcedure.query(async ({ ctx }) => {
    const [items, workstreams] = await Promise.all([
      listAllPublishedPaths(ctx.db, new Date()),
      ctx.db.workstream.findMany({ select: { slug: true, updatedAt: true }, orderBy: { position: "asc" } }),
    ]);
    return { items, workstreams };
  }),
});
