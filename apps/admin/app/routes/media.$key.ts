import { readMedia } from "@observatory/api";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/session.server";

/** Uploaded images for previews in the admin (the public site serves the same files at the same path). */
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, { permission: "content.write" });
  const media = await readMedia(args.params.key ?? "");
  if (!media) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      "Content-Type": media.mimeType,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
