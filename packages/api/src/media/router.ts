import { z } from "zod";
import { permissionProcedure, router } from "../trpc.ts";
import {
  getMedia,
  listInput,
  listMedia,
  recentMedia,
  updateInput,
  updateMedia,
  uploadInput,
  uploadMedia,
} from "./library.ts";

// The media library: whoever writes content may upload images and use them.

const write = permissionProcedure("content.write");
const id = z.string().min(1).max(40);

export const mediaRouter = router({
  upload: write.input(uploadInput).mutation(({ ctx, input }) => uploadMedia(ctx, input)),
  list: write.input(listInput).query(({ ctx, input }) => listMedia(ctx.db, input)),
  /** The newest images, for choosing one (the lead image) without a search, and the one already chosen. */
  recent: write
    .input(z.object({ including: id.optional() }))
    .query(({ ctx, input }) => recentMedia(ctx.db, input.including)),
  get: write.input(z.object({ id })).query(({ ctx, input }) => getMedia(ctx.db, input.id)),
  update: write.input(updateInput).mutation(({ ctx, input }) => updateMedia(ctx, input)),
});
