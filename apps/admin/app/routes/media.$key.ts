import { readMedia } from "@observatory/api";
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireUser } from "~/lib/session.server";

/**
 * Library files for previews in the admin (the public site serves the same files at the same
 * path). An image's own page is /media/<id>/edit: /media/<id> leads there.
 */
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, { permission: "content.write" });
  const key = args.params.key ?? "";
  if (/^[a-z0-9]{20,40}$/.test(key)) throw redirect(`/media/${key}/edit`);
  const media = await readMedia(key);
  if (!media) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      "Content-Type": media.mimeType,
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
