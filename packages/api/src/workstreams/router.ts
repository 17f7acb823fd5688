import { z } from "zod";
import { renderBody } from "../content/body.ts";
import { notFound } from "../errors.ts";
import { publicProcedure, router } from "../trpc.ts";

const workstreamFields = { slug: true, title: true, summary: true, position: true } as const;

export const workstreamsRouter = router({
  list: publicProcedure.query(({ ctx }) =>
    ctx.db.workstream.findMany({ select: workstreamFields, orderBy: { position: "asc" } }),
  ),
  bySlug: publicProcedure.input(z.object({ slug: z.string().min(1).max(200) })).query(async ({ ctx, input }) => {
    const workstream = await ctx.db.workstream.findUnique({
      where: { slug: input.slug },
      select: { ...workstreamFields, description: true },
    });
    if (!workstream) throw notFound("That priority");
    const { description, ...rest } = workstream;
    // The description is a document, shown by the one renderer as item bodies are.
    return { ...rest, descriptionHtml: await renderBody(ctx.db, description, { now: new Date() }) };
  }),
});
