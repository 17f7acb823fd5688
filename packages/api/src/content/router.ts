import { z } from "zod";
import { renderVisibleBodies } from "./body.ts";
import { approvedThread } from "../comments/public-service.ts";
import { AppError, notFound } from "../errors.ts";
import { publicProcedure, router } from "../trpc.ts";
import { readPublicState } from "./public-state.ts";
import { kindForSection, kindSections, type ListedKind, listedKinds } from "./kinds.ts";
import {
  findPublished,
  findRedirect,
  listAllPublishedPaths,
  listPublished,
  searchPublished,
} from "./public-service.ts";

export const PAGE_SIZE = 10;
const MAX_PAGE = 10_000;

const section = z.enum(["all", ...listedKinds.map((k) => kindSections[k].path)] as [string, ...string[]]);
const slug = z.string().trim().min(1).max(200);
const page = z.coerce.number().int().min(1).max(MAX_PAGE).default(1);

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
      const { items } = await listPublished(
        ctx.db,
        { kinds: kindsFor(input.section) },
        { page: 1, pageSize: input.limit, now: new Date() },
      );
      return items;
    }),

  list: publicProcedure
    .input(z.object({ section: section.default("all"), workstream: slug.optional(), page }))
    .query(async ({ ctx, input }) => {
      const workstream = await workstreamBySlug(ctx, input.workstream);
      const { items, total } = await listPublished(
        ctx.db,
        { kinds: kindsFor(input.section), workstreamId: workstream?.id },
        { page: input.page, pageSize: PAGE_SIZE, now: new Date() },
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
      };
    }),

  /** A published article with its related items and approved comments; or where its old slug moved to. */
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
        throw notFound("That page");
      }
      const [related, thread] = await Promise.all([
        item.workstreams.length && item.kind !== "PAGE"
          ? listPublished(
              ctx.db,
              { kinds: [...listedKinds], revisionTagsOf: item.revisionId, excludeItemId: item.id },
              { page: 1, pageSize: 3, now },
            )
          : Promise.resolve({ items: [], total: 0 }),
        approvedThread(ctx.db, item.id),
      ]);
      const { revisionId: _revisionId, ...publicItem } = item;
      return {
        kind: "item" as const,
        item: publicItem,
        related: related.items,
        comments: thread.comments,
        commentCount: thread.count,
      };
    }),

  search: publicProcedure.input(z.object({ q: z.string().default(""), page })).query(async ({ ctx, input }) => {
    // Long or odd queries are cut and searched as words, never rejected.
    const q = input.q.replace(/\s+/g, " ").trim().slice(0, 200);
    if (!q) return { q, hits: [], total: 0, page: 1, pageCount: 0 };
    const { hits, total } = await searchPublished(ctx.db, q, {
      page: input.page,
      pageSize: PAGE_SIZE,
      now: new Date(),
    });
    return { q, hits, total, page: input.page, pageCount: Math.ceil(total / PAGE_SIZE) };
  }),

  feed: publicProcedure
    .input(z.object({ section: section.default("all"), workstream: slug.optional() }))
    .query(async ({ ctx, input }) => {
      const workstream = await workstreamBySlug(ctx, input.workstream);
      const now = new Date();
      const { items } = await listPublished(
        ctx.db,
        { kinds: kindsFor(input.section), workstreamId: workstream?.id },
        { page: 1, pageSize: 30, now },
      );
      // Each entry carries its body as the page shows it: feed readers show the whole item.
      const bodies = await renderVisibleBodies(
        ctx.db,
        items.map((item) => item.id),
        now,
      );
      return {
        items: items.map((item) => ({ ...item, contentHtml: bodies.get(item.id) ?? "" })),
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
