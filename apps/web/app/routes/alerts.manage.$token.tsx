import { Breadcrumbs, Button, DocumentTitle, ErrorSummary, NotificationBanner } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AlertChoices, alertChoiceFields, alertChoicesFrom } from "~/components/alert-choices";
import { privateHeaders, refusedForm } from "~/lib/alert-pages.server";
import { api, siteUrl } from "~/lib/api.server";
import { orNotFound } from "~/lib/http.server";
import { documentTitle, pageMeta } from "~/lib/meta";

const TITLE = "Your email alerts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta({ title: TITLE, path: "/alerts", siteUrl: data?.siteUrl ?? "" }).filter(
    (descriptor) => !("title" in descriptor),
  ),
  { name: "robots", content: "noindex" },
];

export const headers = privateHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const token = params.token ?? "";
  const [subscription, options] = await Promise.all([
    orNotFound(caller.alerts.subscription({ token })),
    caller.alerts.options(),
  ]);
  const url = new URL(request.url);
  const outcome = url.searchParams.has("confirmed") ? "confirmed" : url.searchParams.has("saved") ? "saved" : null;
  return { subscription, options, token, outcome, siteUrl: siteUrl() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = alertChoicesFrom(form);
  const { api: caller } = await api(request, context);
  const token = params.token ?? "";
  try {
    await caller.alerts.update({ ...values, token });
  } catch (error) {
    return refusedForm(error, values);
  }
  return redirect(`/alerts/manage/${token}?saved=1`, 303);
}

export default function ManageAlerts() {
  const { subscription, options, token, outcome } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const fieldErrors: Record<string, string> | undefined = refused?.fieldErrors;
  const summary = alertChoiceFields.flatMap(([field, id]) => {
    const message = fieldErrors?.[field];
    return message ? [{ href: `#${id}`, message }] : [];
  });
  return (
    <>
      <DocumentTitle title={documentTitle(TITLE, Boolean(refused))} />
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/alerts", label: "Email alerts" },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {/* Public pages run no React in the browser: the summary takes focus as the page loads. */}
          <ErrorSummary errors={summary} autoFocus />
          {outcome && !refused && (
            <NotificationBanner
              variant="success"
              autoFocus
              heading={outcome === "confirmed" ? "Your email alerts are on" : "Your choices have been saved"}
            >
              <p>
                We will email {subscription.email} about {subscription.covers}.
              </p>
            </NotificationBanner>
          )}
          <h1>{TITLE}</h1>
          <p className="nhsuk-lede-text">
            Alerts go to {subscription.email}. Change what you hear about or how often, or unsubscribe.
          </p>
          <Form method="post" noValidate>
            <AlertChoices options={options} values={refused?.values ?? subscription} errors={fieldErrors} />
            <Button>Save choices</Button>
          </Form>
          <h2>Stop getting alerts</h2>
          <p>
            <a href={`/alerts/unsubscribe/${token}`}>Unsubscribe from all email alerts</a>
          </p>
        </div>
      </div>
    </>
  );
}
