import { Breadcrumbs } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({
    title: "Feeds",
    description: "Follow our news, blogs and press releases in a feed reader.",
    path: "/feeds",
    siteUrl: data?.siteUrl ?? "",
  });

export const headers = publicHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return { workstreams: await caller.workstreams.list(), siteUrl: siteUrl() };
}

export default function Feeds() {
  const { workstreams } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1>Feeds</h1>
      <p className="nhsuk-lede-text">Get our latest publications in a feed reader (Atom format).</p>
      <h2>By type</h2>
      <ul>
        <li>
          <a href="/feeds/all.xml">Everything we publish</a>
        </li>
        <li>
          <a href="/feeds/news.xml">News</a>
        </li>
        <li>
          <a href="/feeds/blogs.xml">Blogs</a>
        </li>
        <li>
          <a href="/feeds/press-releases.xml">Press releases</a>
        </li>
      </ul>
      <h2>By priority</h2>
      <ul>
        {workstreams.map((w) => (
          <li key={w.slug}>
            <a href={`/feeds/priorities/${w.slug}.xml`}>{w.title}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
