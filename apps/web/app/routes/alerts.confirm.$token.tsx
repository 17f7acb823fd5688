import { Breadcrumbs, Button } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { privateHeaders } from "~/lib/alert-pages.server";
import { api, siteUrl } from "~/lib/api.server";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta({ title: "Confirm your email alerts", path: "/alerts", siteUrl: data?.siteUrl ?? "" }),
  { name: "robots", content: "noindex" },
];

export const headers = privateHeaders;

// Opening the link shows a button rather than confirming at once: mail scanners that open every
// link in an email must not subscribe anyone.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const isOpen = await caller.alerts.confirmationOpen({ token: params.token ?? "" });
  return { isOpen, siteUrl: siteUrl() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api: caller } = await api(request, context);
  try {
    const { manageToken } = await caller.alerts.confirm({ token: params.token ?? "" });
    return redirect(`/alerts/manage/${manageToken}?confirmed=1`, 303);
  } catch (error) {
    if ((error as { code?: string }).code !== "NOT_FOUND") throw error;
    return redirect(new URL(request.url).pathname, 303);
  }
}

export default function ConfirmAlerts() {
  const { isOpen } = useLoaderData<typeof loader>();
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
          {isOpen ? (
            <>
              <h1>Confirm your email alerts</h1>
              <p>Confirm that you want email alerts from the NHS Race and Health Observatory at this address.</p>
              <Form method="post">
                <Button>Confirm email alerts</Button>
              </Form>
            </>
          ) : (
            <>
              <h1>This link has expired</h1>
              <p>
                The link has expired or has already been used. If you have already confirmed, your alerts are on: every
                email we send has a link to change them.
              </p>
              <p>
                To subscribe again, <a href="/alerts">fill in the form</a>.
              </p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
