import { Button, contentKindLabels, Pagination, TextInput } from "@observatory/ui";
import { formatDate } from "@observatory/time";
import { toFormErrors } from "@observatory/api";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
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

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageParam(url);
  if (page === null) throw notFound("That page number is not valid.");
  const { api: caller } = await api(request, context);
  const q = url.searchParams.get("q") ?? "";
  try {
    const result = await caller.content.search({ q, page });
    return { result, queryError: null, siteUrl: siteUrl() };
  } catch (error) {
    // A query the API refuses (a control character in it) is answered beside the search box.
    const queryError = toFormErrors(error)?.fieldErrors.q;
    if (!queryError) throw error;
    const result = { q: q.replace(/\p{Cc}/gu, ""), hits: [], total: 0, page: 1, pageCount: 0 };
    return data({ result, queryError, siteUrl: siteUrl() }, { status: 400 });
  }
}

const href = (q: string, page: number) =>
  `/search?${new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })}`;

export default function Search() {
  const { result, queryError } = useLoaderData<typeof loader>();
  const { q, hits, total, page, pageCount } = result;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{q ? `Search results for ${q}` : "Search"}</h1>
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
            <Button>Search</Button>
          </form>
        </search>
        {q && !queryError && total === 0 && (
          <>
            <p>We found no results for “{q}”.</p>
            <p>
              Try different or fewer words, check the spelling, or browse our <a href="/priorities">priorities</a>.
            </p>
          </>
        )}
        {q && total > 0 && page > pageCount && <p>There is no page {page} of these results.</p>}
        {total > 0 && (
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
        {q && <Pagination page={page} pageCount={pageCount} hrefFor={(p) => href(q, p)} />}
      </div>
    </div>
  );
}
