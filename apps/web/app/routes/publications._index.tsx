import type { LoaderFunctionArgs } from "@remix-run/node";
import { sectionFeedLinks } from "~/lib/feeds";
import { publicHeaders } from "~/lib/headers";
import { ListingPage, listingMeta } from "~/pages/listing";
import { listingLoader } from "~/pages/listing.server";

export const loader = (args: LoaderFunctionArgs) => listingLoader(args, "publications");
export const meta = listingMeta;
export const headers = publicHeaders;
export const links = () => sectionFeedLinks("publications");
export default ListingPage;
