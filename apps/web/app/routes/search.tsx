import {
  Breadcrumbs,
  Button,
  Checkboxes,
  contentKindLabels,
  Pagination,
  Select,
  type SelectOption,
  TextInput,
} from "@observatory/ui";
import { formatDate } from "@observatory/time";
import { toFormErrors } from "@observatory/api";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { YearSelect } from "~/components/year-select";
import { api, siteUrl } from "~/lib/api.server";
import { isoDate } from "~/lib/format";
import { publicHeaders } from "~/lib/headers";
import { notFound, pageParam } from "~/lib/http.server";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta({
    title: data?.result.q ? `Search results for ${data.result.q}` : "Search",
    description: "Search the observatory's news, blogs, press releases and pages.",
    path: "/search",
    siteUrl: data?.siteUrl ?? "",
    hasErrors: Boolean(data?.queryError),
  }),
  { name: "robots", content: "noindex, follow" },
];

export const headers = publicHeaders;

type Filters = { kinds: string[]; priority: string; year: number | null };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageParam(url);
  if (page === null) throw notFound("That page number is not valid.");
  const { api: caller } = await api(request, context);
  const q = url.searchParams.get("q") ?? "";
  const filters = {
    kinds: url.searchParams.getAll("kind"),
    priority: url.searchParams.get("priority") ?? "",
    year: url.searchParams.get("year") || undefined,
  };
  try {
    const result = await caller.content.search({ q, page, ...filters });
    return { result, queryError: null, siteUrl: siteUrl() };
  } catch (error) {
    // A query the API refuses (a control character in it) is answered beside the search box.
    const queryError = toFormErrors(error)?.fieldErrors.q;
    if (!queryError) throw error;
    const result = await caller.content.search({ q: "", ...filters });
    return data(
      { result: { ...result, q: q.replace(/\p{Cc}/gu, "") }, queryError, siteUrl: siteUrl() },
      { status: 400 },
    );
  }
}

/** The address of a results page: the query, the filters and the page number. */
function href(q: string, filters: Filters, page = 1) {
  const params = new URLSearchParams({ q });
  for (const kind of filters.kinds) params.append("kind", kind);
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.year) params.set("year", String(filters.year));
  if (page > 1) params.set("page", String(page));
  return `/search?${params}`;
}

export default function Search() {
  const { result, queryError } = useLoaderData<typeof loader>();
  const { q, searchedFor, suggestion, hits, total, page, pageCount, filters, options } = result;
  const filtered = filters.kinds.length > 0 || Boolean(filters.priority) || filters.year !== null;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1>{q ? `Search results for ${searchedFor}` : "Search"}</h1>
      <search>
        <form method="get" action="/search">
          <TextInput
            id="search-query"
            name="q"
            type="search"
            label="Search this site"
            defaultValue={q}
            width={30}
            error={queryError ?? undefined}
          />
          <FilterValues filters={filters} />
          <Button>Search</Button>
        </form>
      </search>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {searchedFor !== q && (
            <p>
              We found no results for “{q}”, so these are the results for “{searchedFor}”.
            </p>
          )}
          {suggestion && (
            <p className="nhsuk-body-l">
              Did you mean <a href={href(suggestion, filters)}>{suggestion}</a>?
            </p>
          )}
          {q && !queryError && total === 0 && (
            <>
              <p>
                We found no results for “{q}”{filtered ? " with the filters you chose" : ""}.
              </p>
              <p>
                {filtered ? (
                  <>
                    <a href={href(q, { kinds: [], priority: "", year: null })}>Search everything for “{q}”</a>, or try
                  </>
                ) : (
                  "Try"
                )}{" "}
                different or fewer words, check the spelling, or browse our <a href="/priorities">priorities</a>.
              </p>
            </>
          )}
          {q && total > 0 && page > pageCount && (
            <p>
              There is no page {page} of these results: there {pageCount === 1 ? "is 1 page" : `are ${pageCount} pages`}
              .{" "}
              <a href={href(searchedFor, filters, pageCount)}>
                Go to {pageCount === 1 ? "the results" : `page ${pageCount}`}
              </a>
              .
            </p>
          )}
          {hits.length > 0 && (
            <>
              <p className="nhsuk-body-s">
                {total} {total === 1 ? "result" : "results"}
                {pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}
              </p>
              <ul className="nhsuk-list">
                {hits.map((hit) => (
                  <li key={hit.id} className="nhsuk-u-margin-bottom-5">
                    <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                      <a href={hit.path}>{hit.title}</a>
                    </h2>
                    <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
                      {contentKindLabels[hit.kind]} ·{" "}
                      <time dateTime={isoDate(hit.publishedAt)}>{formatDate(hit.publishedAt)}</time>
                    </p>
                    <p className="observatory-search-snippet">
                      {hit.snippet.map((segment, i) =>
                        // segments of a fixed snippet
                        segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
          {q && <Pagination page={page} pageCount={pageCount} hrefFor={(p) => href(searchedFor, filters, p)} />}
        </div>
        {q && (
          // After the results in reading order (first on a phone's screen come the results), beside them on a wide one.
          <div className="nhsuk-grid-column-one-third">
            <SearchFilters q={q} filters={filters} options={options} />
          </div>
        )}
      </div>
    </>
  );
}

/** The chosen filters, kept when the query is changed. */
function FilterValues({ filters }: { filters: Filters }) {
  return (
    <>
      {filters.kinds.map((kind) => (
        <input key={kind} type="hidden" name="kind" value={kind} />
      ))}
      {filters.priority && <input type="hidden" name="priority" value={filters.priority} />}
      {filters.year && <input type="hidden" name="year" value={filters.year} />}
    </>
  );
}

/** Kind, priority and year: a form of its own beside the results, so it works without JavaScript. */
function SearchFilters({
  q,
  filters,
  options,
}: {
  q: string;
  filters: Filters;
  options: { kinds: SelectOption[]; priorities: SelectOption[]; years: number[] };
}) {
  return (
    <form method="get" action="/search" className="observatory-search-filters" aria-labelledby="search-filters">
      <h2 className="nhsuk-heading-s" id="search-filters">
        Filter the results
      </h2>
      <input type="hidden" name="q" value={q} />
      <Checkboxes
        idPrefix="search-kind"
        name="kind"
        legend="Type"
        items={options.kinds.map((k) => ({ ...k, checked: filters.kinds.includes(k.value) }))}
      />
      <Select
        id="search-priority"
        name="priority"
        label="Priority"
        defaultValue={filters.priority}
        options={[{ value: "", label: "All priorities" }, ...options.priorities]}
      />
      <YearSelect id="search-year" years={options.years} chosen={filters.year} />
      <Button variant="secondary">Apply filters</Button>
    </form>
  );
}
