import { Breadcrumbs, DocumentTitle } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { orNotFound } from "~/lib/http.server";

// The confirmation after a request for an accessible format (decision 029).

const TITLE = "Your request has been sent";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return orNotFound(
    caller.publications.formatRequestSubject({ itemSlug: params.slug ?? "", originId: params.originId ?? "" }),
  );
}

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];
export const headers = publicHeaders;

export default function FormatRequestSent() {
  const { publication, attachment } = useLoaderData<typeof loader>();
  return (
    <>
      <DocumentTitle title={TITLE} />
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/publications", label: "Publications" },
          { href: publication.path, label: publication.title },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-panel nhsuk-panel--confirmation">
            <h1 className="nhsuk-panel__title">{TITLE}</h1>
            <div className="nhsuk-panel__body">We have your request for “{attachment.title}” in another format.</div>
          </div>
          <h2>What happens next</h2>
          <p>
            We will email you, usually within 15 working days, to send the document or to ask what would work best for
            you.
          </p>
          <p>
            <a href={publication.path}>Back to {publication.title}</a>
          </p>
        </div>
      </div>
    </>
  );
}
