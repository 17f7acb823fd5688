import { ButtonLink, Card } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ItemList } from "~/components/item-list";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";
import { siteName } from "~/lib/site";

const intro =
  "We work to identify and tackle ethnic inequalities in health and care: through research, advice on health policy, and lasting change across the NHS.";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({ title: siteName, description: intro, path: "/", siteUrl: data?.siteUrl ?? "http://localhost:3000" });

export const headers = publicHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const [workstreams, latest] = await Promise.all([caller.workstreams.list(), caller.content.latest({ limit: 6 })]);
  return { workstreams, latest, siteUrl: siteUrl() };
}

export default function Home() {
  const { workstreams, latest } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{siteName}</h1>
      <p className="nhsuk-lede-text">{intro}</p>
      <p>
        We bring together experts from the UK and abroad, and the communities most affected, to understand where care
        falls short and to recommend what should change.
      </p>
      <ButtonLink href="/about" variant="secondary">
        About us
      </ButtonLink>
      <p>
        <a href="/alerts">Get email alerts</a> when we publish news, blogs or press releases.
      </p>
      <h2>Our priorities</h2>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {workstreams.map((w) => (
          <li key={w.slug} className="nhsuk-grid-column-one-third nhsuk-card-group__item">
            <Card heading={w.title} href={`/priorities/${w.slug}`} headingLevel={3} description={w.summary} />
          </li>
        ))}
      </ul>
      <h2>Latest</h2>
      <ItemList items={latest} headingLevel={3} />
      <p>
        <a href="/news">All news</a> · <a href="/blogs">All blogs</a> · <a href="/press-releases">All press releases</a>{" "}
        · <a href="/publications">All publications</a>
      </p>
    </>
  );
}
