import { Breadcrumbs, Card } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";

const description = "The six areas where we focus our work to tackle ethnic inequalities in health and care.";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({ title: "Our priorities", description, path: "/priorities", siteUrl: data?.siteUrl ?? "" });

export const headers = publicHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return { workstreams: await caller.workstreams.list(), siteUrl: siteUrl() };
}

export default function Priorities() {
  const { workstreams } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1>Our priorities</h1>
      <p className="nhsuk-lede-text">{description}</p>
      <p>
        We chose these areas after listening widely to patients, staff, researchers and community organisations. They
        are where we start, not the limit of our interest: our <a href="/strategy">strategy</a> explains how we stay
        responsive to new evidence and emerging needs.
      </p>
      <ol className="nhsuk-grid-row nhsuk-card-group">
        {workstreams.map((w) => (
          <li key={w.slug} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
            <Card heading={w.title} href={`/priorities/${w.slug}`} description={w.summary} />
          </li>
        ))}
      </ol>
    </>
  );
}
