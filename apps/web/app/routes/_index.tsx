import { Card } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api } from "~/lib/api.server";
import { siteName } from "~/lib/site";

export const meta: MetaFunction = () => [
  { title: siteName },
  { name: "description", content: "Identifying and tackling ethnic inequalities in health and care." },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return { workstreams: await caller.workstreams.list() };
}

export default function Home() {
  const { workstreams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{siteName}</h1>
      <p className="nhsuk-lede-text">
        We work to identify and tackle ethnic inequalities in health and care, through research, policy advice and
        lasting change across the NHS.
      </p>
      <h2>Our priorities</h2>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {workstreams.map((w) => (
          <li key={w.slug} className="nhsuk-grid-column-one-third nhsuk-card-group__item">
            <Card heading={w.title} href={`/priorities/${w.slug}`} headingLevel={3} description={w.summary} />
          </li>
        ))}
      </ul>
    </>
  );
}
