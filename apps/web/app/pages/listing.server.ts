import type { LoaderFunctionArgs } from "@remix-run/node";
import { api, siteUrl } from "~/lib/api.server";
import { notFound, orNotFound, pageParam } from "~/lib/http.server";

export type Section = "news" | "blogs" | "press-releases" | "publications";

export async function listingLoader({ request, context }: LoaderFunctionArgs, section: Section) {
  const url = new URL(request.url);
  const page = pageParam(url);
  if (page === null) throw notFound("That page number is not valid.");
  const workstream = url.searchParams.get("workstream") || undefined;
  // A year that is not one is ignored, as search does: it comes from an address, not from typing.
  const year = url.searchParams.get("year") || undefined;
  const { api: caller } = await api(request, context);
  const [listing, years, workstreams] = await Promise.all([
    orNotFound(caller.content.list({ section, workstream, year, page })),
    caller.content.years({ section }),
    caller.workstreams.list(),
  ]);
  return {
    section,
    listing,
    years,
    workstreams: workstreams.map((w) => ({ slug: w.slug, title: w.title })),
    siteUrl: siteUrl(),
  };
}
