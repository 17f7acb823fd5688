import { Breadcrumbs, Button, Pagination, Select } from "@observatory/ui";
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ItemList } from "~/components/item-list";
import { YearSelect } from "~/components/year-select";
import { pageMeta } from "~/lib/meta";
import type { listingLoader, Section } from "./listing.server";

export const sectionTitles: Record<Section, { title: string; intro: string; kind: string }> = {
  news: { title: "News", intro: "The latest news from the observatory and its partners.", kind: "NEWS" },
  blogs: {
    title: "Blogs",
    intro: "Opinion and reflection from our staff, partners and the people we work with.",
    kind: "BLOG",
  },
  "press-releases": {
    title: "Press releases",
    intro: "Statements and announcements for the media.",
    kind: "PRESS_RELEASE",
  },
  publications: {
    title: "Publications",
    intro: "Our reports, evidence reviews and guidance, with their documents.",
    kind: "PUBLICATION",
  },
};

type ListingData = Awaited<ReturnType<typeof listingLoader>>;

type ListingFilter = { workstream?: string; year?: number | null };

export function listingHref(section: Section, filter: ListingFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.workstream) params.set("workstream", filter.workstream);
  if (filter.year) params.set("year", String(filter.year));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/${section}${query ? `?${query}` : ""}`;
}

export const listingMeta: MetaFunction = ({ data }) => {
  const d = data as ListingData | undefined;
  if (!d) return [];
  const { title, intro } = sectionTitles[d.section];
  const page = d.listing.page > 1 ? ` (page ${d.listing.page} of ${d.listing.pageCount})` : "";
  const filter = { workstream: d.listing.workstream?.slug, year: d.listing.year };
  const meta = pageMeta({
    title: `${listingHeading(title, d.listing)}${page}`,
    description: intro,
    path: listingHref(d.section, filter, d.listing.page),
    siteUrl: d.siteUrl,
  });
  const { page: current, pageCount } = d.listing;
  if (current > 1) meta.push({ tagName: "link", rel: "prev", href: listingHref(d.section, filter, current - 1) });
  if (current < pageCount)
    meta.push({ tagName: "link", rel: "next", href: listingHref(d.section, filter, current + 1) });
  return meta;
};

/** "News", "News: Maternal health", "News from 2025", "News: Maternal health, from 2025". */
function listingHeading(title: string, listing: ListingData["listing"]): string {
  const priority = listing.workstream ? `: ${listing.workstream.title}` : "";
  const year = listing.year ? `${priority ? "," : ""} from ${listing.year}` : "";
  return `${title}${priority}${year}`;
}

export function ListingPage() {
  const { section, listing, years, workstreams } = useLoaderData<ListingData>();
  const { title, intro, kind } = sectionTitles[section];
  const filter = { workstream: listing.workstream?.slug, year: listing.year };
  const filtered = Boolean(listing.workstream || listing.year);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1>{listingHeading(title, listing)}</h1>
      <p className="nhsuk-lede-text">{intro}</p>
      <p>
        <a href={`/alerts?kind=${kind}`}>Get an email when we publish {title.toLowerCase()}</a>
      </p>
      <form method="get" action={`/${section}`} className="nhsuk-u-margin-bottom-5 observatory-listing-filters">
        <Select
          id="workstream"
          name="workstream"
          label="Priority"
          defaultValue={filter.workstream ?? ""}
          options={[
            { value: "", label: "All priorities" },
            ...workstreams.map((w) => ({ value: w.slug, label: w.title })),
          ]}
        />
        <YearSelect id="year" years={years} chosen={listing.year} />
        <Button variant="secondary">Apply filters</Button>
      </form>
      {listing.items.length === 0 ? (
        <p>
          There is nothing here yet{filtered ? " for the filters you chose" : ""}.
          {filtered && (
            <>
              {" "}
              <a href={`/${section}`}>See all {title.toLowerCase()}</a>.
            </>
          )}
        </p>
      ) : (
        <>
          <p className="nhsuk-body-s">
            {listing.total} {listing.total === 1 ? "item" : "items"}
            {listing.pageCount > 1 ? `, page ${listing.page} of ${listing.pageCount}` : ""}
          </p>
          <ItemList items={listing.items} />
        </>
      )}
      <Pagination page={listing.page} pageCount={listing.pageCount} hrefFor={(p) => listingHref(section, filter, p)} />
    </>
  );
}
