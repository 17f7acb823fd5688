import { sanitizeContentHtml } from "@observatory/content";
import { z } from "zod";
import { notFound } from "../errors.ts";
import { publicProcedure, router } from "../trpc.ts";

const workstreamFields = { slug: true, title: true, summary: true, descriptionHtml: true, position: true } as const;

const sanitised = <T extends { descriptionHtml: string }>(w: T): T => ({
  ...w,
  descriptionHtml: sanitizeContentHtml(w.descriptionHtml),
});

export const workstreamsRouter = router({
  list: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.workstream.findMany({ select: workstreamFields, orderBy: { position: "asc" } });
    return rows.map(sanitised);
  }),
  bySlug: publicProcedure.input(z.object({ slug: z.string().min(1).max(200) })).query(async ({ ctx, input }) => {
    const workstream = await ctx.db.workstream.findUnique({ where: { slug: input.slug }, select: workstreamFields });
    if (!workstream) throw notFound("That priority");
    return sanitised(workstream);
  }),
});
