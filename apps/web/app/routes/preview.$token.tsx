import { ArticleContent, WarningCallout } from "@observatory/ui";
import { formatDate } from "@observatory/time";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api } from "~/lib/api.server";
import { orNotFound } from "~/lib/http.server";

// An unpublished revision shown to an outside reviewer holding a signed, expiring share link.
// Never cached or indexed: a withdrawn link must stop working at once.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Preview: ${data.title}` : "Preview" },
  { name: "robots", content: "noindex, nofollow" },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  // An invalid, expired or withdrawn link is a 404 with the API's message; anything else is a 500.
  return orNotFound(caller.editorial.sharedPreview({ token: params.token ?? "" }));
}

export default function SharedPreview() {
  const item = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <article className="nhsuk-grid-column-two-thirds">
        <WarningCallout heading="Preview">
          <p>This page is not published. It is shared with you for review until {formatDate(item.expiresAt)}.</p>
        </WarningCallout>
        <ArticleContent item={item} />
      </article>
    </div>
  );
}
