import { z } from "zod";
import { permissionProcedure, publicProcedure, router } from "../trpc.ts";
import {
  addFileAttachment,
  addFileInput,
  attachmentRef,
  draftAttachments,
  draftHtmlAttachment,
  htmlAttachmentInput,
  moveAttachment,
  moveAttachmentInput,
  removeAttachment,
  saveHtmlAttachment,
  updateAttachment,
  updateAttachmentInput,
} from "./attachments.ts";
import { formatRequestInput, requestableAttachment, requestAccessibleFormat } from "./format-requests.ts";
import { findHtmlPublication } from "./public.ts";
import { notFound } from "../errors.ts";

// Publications' attachments (decision 029). Whoever writes content reaches these; each change is
// the workflow's edit of the item, so authors change their own publications and editors anyone's.

const write = permissionProcedure("content.write");
const id = z.string().min(1).max(40);
const slug = z.string().min(1).max(200);

export const publicationsRouter = router({
  /** The attachments of the revision editors work on, and the live revision's when they differ. */
  attachments: write.input(z.object({ itemId: id })).query(({ ctx, input }) => draftAttachments(ctx.db, input.itemId)),
  htmlAttachment: write
    .input(attachmentRef)
    .query(({ ctx, input }) => draftHtmlAttachment(ctx.db, input.itemId, input.originId)),
  addFile: write.input(addFileInput).mutation(({ ctx, input }) => addFileAttachment(ctx, input)),
  update: write.input(updateAttachmentInput).mutation(({ ctx, input }) => updateAttachment(ctx, input)),
  remove: write.input(attachmentRef).mutation(({ ctx, input }) => removeAttachment(ctx, input)),
  move: write.input(moveAttachmentInput).mutation(({ ctx, input }) => moveAttachment(ctx, input)),
  saveHtml: write.input(htmlAttachmentInput).mutation(({ ctx, input }) => saveHtmlAttachment(ctx, input)),

  /** A published HTML publication with its contents list. */
  htmlPublication: publicProcedure.input(z.object({ itemSlug: slug, slug })).query(async ({ ctx, input }) => {
    const found = await findHtmlPublication(ctx.db, input.itemSlug, input.slug);
    if (!found) throw notFound("That page");
    return found;
  }),
  /** What the accessible format form is about. */
  formatRequestSubject: publicProcedure
    .input(z.object({ itemSlug: slug, originId: id }))
    .query(({ ctx, input }) => requestableAttachment(ctx.db, input.itemSlug, input.originId)),
  requestFormat: publicProcedure
    .input(formatRequestInput)
    .mutation(({ ctx, input }) => requestAccessibleFormat(ctx.db, ctx.request, input)),
});
