import { readAttachmentFile } from "@observatory/api";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { api } from "~/lib/api.server";

/**
 * A publication's attached file, while a page the public sees lists it (decision 029). Keys are
 * random and a stored file never changes, so each can be cached for ever; it downloads under a
 * name made from its title.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { ctx } = await api(request, context);
  const file = await readAttachmentFile(ctx.db, params.key ?? "");
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename="${file.downloadName}"`,
      "Content-Length": String(file.bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
