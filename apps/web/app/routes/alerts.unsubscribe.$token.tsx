import { Breadcrumbs, Button } from "@observatory/ui";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { privateHeaders } from "~/lib/alert-pages.server";
import { api, siteUrl } from "~/lib/api.server";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta({ title: "Unsubscribe from email alerts", path: "/alerts", siteUrl: data?.siteUrl ?? "" }),
  { name: "robots", content: "noindex" },
];

export const headers = privateHeaders;

// The unsubscribe link in the text of every alert email, and in the manage page. A GET only shows
// the button, so that a link scanner that opens every link in an email unsubscribes nobody; the
// button unsubscribes. Mail programs' one-click unsubscribe goes to alerts.one-click.$token.ts.
export function loader(_: LoaderFunctionArgs) {
  return { siteUrl: siteUrl() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api: caller } = await api(request, context);
  try {
    await caller.alerts.unsubscribe({ token: params.token ?? "" });
    return { outcome: "unsubscribed" as const };
  } catch (error) {
    if ((error as { code?: string }).code !== "NOT_FOUND") throw error;
    return { outcome: "unknown" as const };
  }
}

export default function Unsubscribe() {
  const done = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/alerts", label: "Email alerts" },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {done === undefined ? (
            <>
              <h1>Unsubscribe from email alerts</h1>
              <p>You will get no more email alerts from the NHS Race and Health Observatory at this address.</p>
              <Form method="post">
                <Button>Unsubscribe</Button>
              </Form>
            </>
          ) : done.outcome === "unsubscribed" ? (
            <>
              <h1>You have unsubscribed</h1>
              <p>We have deleted your email address from our alerts. You will get no more alerts from us.</p>
              <p>
                Changed your mind? <a href="/alerts">Subscribe again</a>.
              </p>
            </>
          ) : (
            <>
              <h1>This link does not work</h1>
              <p>
                The link is not one of ours, or was changed when it was copied. If you still get alerts, use the
                unsubscribe link in the latest email.
              </p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
