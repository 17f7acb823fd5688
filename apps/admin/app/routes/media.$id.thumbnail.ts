import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { orNotFound } from "~/lib/content.server";
import { requireUser } from "~/lib/session.server";

/** A library image's small file, by the image's id: how the editor shows an image in a body. */
export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const media = await orNotFound(api.media.get({ id: args.params.id ?? "" }));
  return redirect(media.thumbnailUrl, { headers: { "Cache-Control": "private, max-age=300" } });
}
