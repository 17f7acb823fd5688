import { readMedia } from "@observatory/api";
import type { LoaderFunctionArgs } from "@remix-run/node";

/** Uploaded images (stored under MEDIA_DIR); keys are random, so each one can be cached for ever. */
export async function loader({ params }: LoaderFunctionArgs) {
  const media = await readMedia(params.key ?? "");
  if (!media) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      "Content-Type": media.mimeType,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
