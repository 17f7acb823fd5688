import { Breadcrumbs, Button, DocumentTitle, ErrorSummary, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AlertChoices, alertChoiceFields, alertChoicesFrom } from "~/components/alert-choices";
import { refusedForm } from "~/lib/alert-pages.server";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { documentTitle, pageMeta } from "~/lib/meta";

const TITLE = "Get email alerts";

// The title is the page's own (DocumentTitle), so that a refused form can make it "Error: ...".
export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({
    title: TITLE,
    description: "Get an email when we publish news, blogs or press releases on the subjects you choose.",
    path: "/alerts",
    siteUrl: data?.siteUrl ?? "",
  }).filter((descriptor) => !("title" in descriptor));

export const headers = publicHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  // A listing or priority page links here with its kind or priority already chosen.
  const url = new URL(request.url);
  const chosen = { kinds: url.searchParams.getAll("kind"), priorities: url.searchParams.getAll("priority") };
  return { options: await caller.alerts.options(), chosen, siteUrl: siteUrl() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = { email: String(form.get("email") ?? ""), ...alertChoicesFrom(form) };
  const { api: caller } = await api(request, context);
  try {
    await caller.alerts.subscribe({ ...values });
  } catch (error) {
    return refusedForm(error, values);
  }
  return redirect("/alerts/check-your-email", 303);
}

export default function Alerts() {
  const { options, chosen } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const fieldErrors: Record<string, string> | undefined = refused?.fieldErrors;
  const summary = [
    ...(refused?.formError ? [{ href: "#alerts-email", message: refused.formError }] : []),
    ...[["email", "alerts-email"] as const, ...alertChoiceFields].flatMap(([field, id]) => {
      const message = fieldErrors?.[field];
      return message ? [{ href: `#${id}`, message }] : [];
    }),
  ];
  return (
    <>
      <DocumentTitle title={documentTitle(TITLE, Boolean(refused))} />
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {/* Public pages run no React in the browser: the summary takes focus as the page loads. */}
          <ErrorSummary errors={summary} autoFocus />
          <h1>{TITLE}</h1>
          <p className="nhsuk-lede-text">
            Hear from us by email when we publish news, blogs or press releases on the subjects you care about.
          </p>
          <p>
            We will send you an email to check the address is yours. Nothing else is sent until you open the link in it.
            Every email has a link to change your choices or unsubscribe. Our{" "}
            <a href="/privacy#email-alerts">privacy notice</a> says what we keep and for how long.
          </p>
          <Form method="post" noValidate>
            <TextInput
              id="alerts-email"
              name="email"
              type="email"
              label="Your email address"
              autoComplete="email"
              spellCheck={false}
              width={30}
              error={fieldErrors?.email}
              defaultValue={refused?.values.email}
            />
            <AlertChoices
              options={options}
              values={refused?.values ?? { everything: false, frequency: "", ...chosen }}
              errors={fieldErrors}
            />
            <Button>Subscribe</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
