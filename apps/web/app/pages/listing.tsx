import { Button, Pagination, Select } from "@observatory/ui";
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ItemList } from "~/components/item-list";
import { pageMeta } from "~/lib/meta";
import type { listingLoader, Section } from "./listing.server";

export const sectionTitles: Record<Section, { title: string; intro: string }> = {
  news: { title: "News", intro: "The latest news from the observatory and its partners." },
  blogs: { title: "Blogs", intro: "Opinion and reflection from our staff, partners and the people we work with." },
  "press-releases": { title: "Press releases", intro: "Statements and announcements for the media." },
};

type ListingData = Awaited<ReturnType<typeof listingLoader>>;

export function listingHref(section: Section, workstream: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (workstream) params.set("workstream", workstream);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/${section}${query ? `?${query}` : ""}`;
}

export const listingMeta: MetaFunction = ({ data }) => {
  const d = data as ListingData | undefined;
  if (!d) return [];
  const { title, intro } = sectionTitles[d.section];
  const filter = d.listing.workstream ? `: ${d.listing.workstream.title}` : "";
  const page = d.listing.page > 1 ? ` (page ${d.listing.page} of ${d.listing.pageCount})` : "";
  const meta = pageMeta({
    title: `${title}${filter}${page}`,
    description: intro,
    path: listingHref(d.section, d.listing.workstream?.slug, d.listing.page),
    siteUrl: d.siteUrl,
  });
  const { page: current, pageCount } = d.listing;
  const ws = d.listing.workstream?.slug;
  if (current > 1) meta.push({ tagName: "link", rel: "prev", href: listingHref(d.section, ws, current - 1) });
  if (current < pageCount) meta.push({ tagName: "link", rel: "next", href: listingHref(d.section, ws, current + 1) });
  return meta;
};

export function ListingPage() {
  const { section, listing, workstreams } = useLoaderData<ListingData>();
  const { title, intro } = sectionTitles[section];
  const workstream = listing.workstream?.slug;
  return (
    <>
      <h1>{listing.workstream ? `${title}: ${listing.workstream.title}` : title}</h1>
      <p className="nhsuk-lede-text">{intro}</p>
      <form method="get" action={`/${section}`} className="nhsuk-u-margin-bottom-5">
        <Select
          id="workstream"
          name="workstream"
          label="Filter by priority"
          defaultValue={workstream ?? ""}
          options={[
            { value: "", label: "All priorities" },
            ...workstreams.map((w) => ({ value: w.slug, label: w.title })),
          ]}
        />
        <Button variant="secondary">Apply filter</Button>
      </form>
      {listing.items.length === 0 ? (
        <p>There is nothing here yet{listing.workstream ? " for this priority" : ""}.</p>
      ) : (
        <>
          <p className="nhsuk-body-s">
            {listing.total} {listing.total === 1 ? "item" : "items"}
            {listing.pageCount > 1 ? `, page ${listing.page} of ${listing.pageCount}` : ""}
          </p>
          <ItemList items={listing.items} />
        </>
      )}
      <Pagination
        page={listing.page}
        pageCount={listing.pageCount}
        hrefFor={(p) => listingHref(section, workstream, p)}
      />
    </>
  );
}
