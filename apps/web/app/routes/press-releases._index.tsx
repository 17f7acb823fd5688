import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PressOffice } from "~/components/press-office";
import { api } from "~/lib/api.server";
import { sectionFeedLinks } from "~/lib/feeds";
import { publicHeaders } from "~/lib/headers";
import { ListingPage, listingMeta } from "~/pages/listing";
import { listingLoader } from "~/pages/listing.server";

export async function loader(args: LoaderFunctionArgs) {
  const { api: caller } = await api(args.request, args.context);
  const [listing, organisation] = await Promise.all([
    listingLoader(args, "press-releases"),
    caller.organisation.details(),
  ]);
  return { ...listing, organisation };
}

export const meta = listingMeta;
export const headers = publicHeaders;

export const links = () => sectionFeedLinks("press-releases");

export default function PressReleases() {
  const { organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <ListingPage />
      <PressOffice details={organisation} />
    </>
  );
}
