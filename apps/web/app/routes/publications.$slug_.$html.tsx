import { Breadcrumbs, DocumentTitle } from "@observatory/ui";
import { formatDate } from "@observatory/time";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api, siteUrl } from "~/lib/api.server";
import type { EnhancedRoute } from "~/lib/enhancements";
import { isoDate } from "~/lib/format";
import { publicHeaders } from "~/lib/headers";
import { orNotFound } from "~/lib/http.server";
import { pageMeta } from "~/lib/meta";

// An HTML publication (decision 029): a long document of a publication, at its own address under
// it, with a contents list made from its headings and a print view.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const page = await orNotFound(
    caller.publications.htmlPublication({ itemSlug: params.slug ?? "", slug: params.html ?? "" }),
  );
  return { ...page, isPrintView: new URL(request.url).searchParams.has("print"), siteUrl: siteUrl() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? pageMeta({
        title: data.title,
        description: `Part of ${data.publication.title}`,
        path: data.path,
        siteUrl: data.siteUrl,
        type: "article",
      }).filter((descriptor) => !("title" in descriptor))
    : [];

export const headers = publicHeaders;

export const handle: EnhancedRoute = { enhancements: () => ["print"] };

export default function HtmlPublication() {
  const { publication, title, path, bodyHtml, contents, isPrintView } = useLoaderData<typeof loader>();
  return (
    <>
      <DocumentTitle title={title} />
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/publications", label: "Publications" },
          { href: publication.path, label: publication.title },
        ]}
      />
      <div className="nhsuk-grid-row">
        <article className="nhsuk-grid-column-two-thirds observatory-html-publication">
          <h1>{title}</h1>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
            Part of <a href={publication.path}>{publication.title}</a>. Published{" "}
            <time dateTime={isoDate(publication.publishedAt)}>{formatDate(publication.publishedAt)}</time>.
          </p>
          {isPrintView ? (
            <div className="nhsuk-inset-text observatory-print-hint">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                To print this page, use your browser's print command (Ctrl and P, or Command and P on a Mac).{" "}
                <a href={path}>Back to the page</a>
              </p>
            </div>
          ) : (
            <p className="observatory-print-link">
              <a href={`${path}?print`} data-print-link="">
                Print this page
              </a>
            </p>
          )}
          {contents.length > 0 && (
            <nav aria-labelledby="contents-heading" className="observatory-contents">
              <h2 id="contents-heading" className="nhsuk-heading-s">
                Contents
              </h2>
              <ol className="nhsuk-list nhsuk-list--number">
                {contents.map((entry) => (
                  <li key={entry.id}>
                    <a href={`#${entry.id}`}>{entry.text}</a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <div className="observatory-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        </article>
      </div>
    </>
  );
}
