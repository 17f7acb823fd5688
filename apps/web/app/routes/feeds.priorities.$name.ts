import type { LoaderFunctionArgs } from "@remix-run/node";
import { api, siteUrl } from "~/lib/api.server";
import { atomFeed, toEntries } from "~/lib/atom.server";
import { notFound, orNotFound } from "~/lib/http.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const match = /^([a-z0-9-]{1,200})\.xml$/.exec(params.name ?? "");
  if (!match?.[1]) throw notFound();
  const { api: caller } = await api(request, context);
  const { items, workstream } = await orNotFound(caller.content.feed({ workstream: match[1] }));
  return atomFeed({
    title: `NHS Race and Health Observatory: ${workstream?.title ?? "priority"}`,
    selfPath: `/feeds/priorities/${match[1]}.xml`,
    siteUrl: siteUrl(),
    entries: toEntries(items),
  });
}
