import { BackLink, Button, NotificationBanner, Radios, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EmailAddressInput } from "~/components/account-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, { permission: "comments.personalData" });
  // Set by the export route when it could not export (it answers with a file otherwise).
  const params = new URL(args.request.url).searchParams;
  return { exportError: params.get("exportError"), exportEmail: params.get("exportEmail") ?? "" };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "comments.personalData" });
  const form = await args.request.formData();
  const email = textField(form, "email");
  const mode = textField(form, "mode");
  try {
    if (form.get("confirm") !== "yes") {
      return data(
        {
          ok: false as const,
          formError: null,
          fieldErrors: { confirm: "Confirm that you want to erase these comments" },
          values: { email, mode },
        },
        { status: 400 },
      );
    }
    const result = await api.moderation.eraseByEmail({ email, mode: mode === "delete" ? "delete" : "anonymise" });
    const count = `${result.count} comment${result.count === 1 ? "" : "s"}`;
    const alerts = result.alertSubscriptionDeleted ? " Their email alert subscription was deleted too." : "";
    return data({
      ok: true as const,
      message: `${
        result.mode === "delete" ? `Deleted ${count}.` : `Anonymised ${count}: the name and email address are gone.`
      }${alerts}`,
    });
  } catch (error) {
    return formFailure(error, { email, mode });
  }
}

export default function CommenterData() {
  const { exportError, exportEmail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = formState(result);
  const done = result && "message" in result ? result.message : null;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/comments">Comments</BackLink>
        <FormErrorSummary
          title="A commenter's personal data"
          state={
            exportError && !result
              ? { formError: null, fieldErrors: { "export-email": exportError }, values: {} }
              : state
          }
          fields={["export-email", "email", "mode", "confirm"]}
        />
        {done && <NotificationBanner variant="success">{done}</NotificationBanner>}
        <h1>A commenter's personal data</h1>
        <p>
          When someone asks for a copy of what we hold about them, or asks us to erase it, find their comments and their
          email alert subscription by email address. Both are recorded in the audit log, which keeps only a keyed hash
          of the address.
        </p>
        <h2>Export</h2>
        {/* A plain form to a resource route: the browser downloads the file. */}
        <form method="post" action="/comments/privacy/export" noValidate>
          <TextInput
            id="export-email"
            name="email"
            type="email"
            label="Email address"
            spellCheck={false}
            width={30}
            defaultValue={exportEmail}
            error={exportError && !result ? exportError : undefined}
          />
          <Button variant="secondary">Download as JSON</Button>
        </form>
        <h2>Erase</h2>
        <Form method="post" noValidate>
          <EmailAddressInput state={state} width={30} />
          <Radios
            idPrefix="mode"
            name="mode"
            legend="How to erase them"
            error={state.fieldErrors.mode}
            defaultValue={state.values.mode === "delete" ? "delete" : "anonymise"}
            items={[
              {
                value: "anonymise",
                label: "Anonymise",
                hint: "The comments stay in their threads under the name Anonymous; the name, email address and IP hash are removed.",
              },
              {
                value: "delete",
                label: "Delete",
                hint: "The comments, and the replies to them, are removed for good.",
              },
            ]}
          />
          <div className={`nhsuk-form-group${state.fieldErrors.confirm ? " nhsuk-form-group--error" : ""}`}>
            {state.fieldErrors.confirm && (
              <span className="nhsuk-error-message" id="confirm-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {state.fieldErrors.confirm}
              </span>
            )}
            <div className="nhsuk-checkboxes">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="confirm"
                  name="confirm"
                  type="checkbox"
                  value="yes"
                  aria-describedby={state.fieldErrors.confirm ? "confirm-error" : undefined}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="confirm">
                  I understand this cannot be undone
                </label>
              </div>
            </div>
          </div>
          <Button variant="warning">Erase comments</Button>
        </Form>
      </div>
    </div>
  );
}
