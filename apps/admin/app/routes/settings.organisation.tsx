import { type ShareNetworkId, shareNetworkIds, shareNetworks } from "@observatory/api/share-networks";
import { Button, Checkboxes, InsetText, NotificationBanner, Radios, Textarea, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, type FormState, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// The organisation's contact details, the facts of the accessibility statement and the networks of
// the share block (decision 024). Administrators only; every save is audited with before and after.

const textFields = [
  "enquiriesEmail",
  "enquiriesPhone",
  "postalAddress",
  "pressEmail",
  "pressPhone",
  "pressOutOfHoursPhone",
  "privacyEmail",
  "accessibilityEmail",
  "accessibleFormatsEmail",
  "complianceStatus",
  "nonAccessibleContent",
  "statementPreparedOn",
  "statementReviewedOn",
] as const;

/** In the order the page shows them, for the error summary. */
const fieldNames = [...textFields, "shareNetworks"];

/** "2026-11-21" as the form shows it: "21/11/2026". */
const ukDate = (iso: string) => iso.split("-").reverse().join("/");

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const { details, isDefault, complianceLabels } = await api.organisation.settings();
  return {
    saved: new URL(args.request.url).searchParams.has("saved"),
    isDefault,
    complianceLabels,
    values: {
      ...details,
      statementPreparedOn: ukDate(details.statementPreparedOn),
      statementReviewedOn: ukDate(details.statementReviewedOn),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const form = await args.request.formData();
  const values = Object.fromEntries(textFields.map((name) => [name, textField(form, name)])) as Record<
    (typeof textFields)[number],
    string
  >;
  const chosen = form.getAll("shareNetworks").filter((value) => typeof value === "string");
  try {
    // The API refuses a status or network that is not one of its own, beside the field.
    await api.organisation.update({
      ...values,
      complianceStatus: values.complianceStatus as "full" | "partial" | "none",
      shareNetworks: chosen as ShareNetworkId[],
    });
    return redirect("/settings/organisation?saved=1");
  } catch (error) {
    return formFailure(error, { ...values, shareNetworks: chosen.join(",") });
  }
}

export default function OrganisationSettings() {
  const data = useLoaderData<typeof loader>();
  const refused = formState(useActionData<typeof action>());
  // A network the list does not have is refused by its position ("shareNetworks.0"): shown beside the list.
  const networkError = Object.entries(refused.fieldErrors).find(([key]) => key.startsWith("shareNetworks"))?.[1];
  const state: FormState = networkError
    ? { ...refused, fieldErrors: { ...refused.fieldErrors, shareNetworks: networkError } }
    : refused;
  const value = (name: (typeof textFields)[number]) => state.values[name] ?? data.values[name];
  const chosenNetworks = state.values.shareNetworks?.split(",") ?? data.values.shareNetworks;
  const field = (name: (typeof textFields)[number]) => ({
    id: name,
    name,
    defaultValue: value(name),
    error: state.fieldErrors[name],
  });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Organisation settings" state={state} fields={fieldNames} />
        {data.saved && (
          <NotificationBanner variant="success">The organisation settings have been saved.</NotificationBanner>
        )}
        <h1>Organisation settings</h1>
        <p>
          What the public website prints on the contact page, on every press release, in the accessibility statement and
          in the privacy notice, and where readers can share what they read. A field left empty is left out of the
          pages.
        </p>
        {data.isDefault && (
          <InsetText>Nothing has been saved yet: the public pages leave out every detail below until you do.</InsetText>
        )}
        <Form method="post" noValidate>
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">General enquiries</h2>
            </legend>
            <TextInput {...field("enquiriesEmail")} type="email" label="Email address" spellCheck={false} />
            <TextInput {...field("enquiriesPhone")} type="tel" label="Telephone (optional)" width={20} />
            <Textarea
              {...field("postalAddress")}
              label="Postal address"
              hint="One line of the address per line"
              rows={5}
            />
          </fieldset>
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">Press office</h2>
            </legend>
            <p>Shown on every press release and on the list of press releases.</p>
            <TextInput {...field("pressEmail")} type="email" label="Email address" spellCheck={false} />
            <TextInput {...field("pressPhone")} type="tel" label="Telephone" width={20} />
            <TextInput
              {...field("pressOutOfHoursPhone")}
              type="tel"
              label="Out-of-hours telephone (optional)"
              width={20}
            />
          </fieldset>
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">Data protection</h2>
            </legend>
            <TextInput
              {...field("privacyEmail")}
              type="email"
              label="Email address of the data protection officer"
              hint="Named in the privacy notice as the way to ask for your data, or to have it corrected or erased"
              spellCheck={false}
            />
          </fieldset>
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">Accessibility statement</h2>
            </legend>
            <TextInput
              {...field("accessibilityEmail")}
              type="email"
              label="Email address for accessibility problems and other formats"
              spellCheck={false}
            />
            <TextInput
              {...field("accessibleFormatsEmail")}
              type="email"
              label="Email address for requests for publications in an accessible format (optional)"
              hint="Readers' requests for a publication's document in another format go here. Leave it empty to send them to the accessibility address."
              spellCheck={false}
            />
            <Radios
              idPrefix="complianceStatus"
              name="complianceStatus"
              legend="How far the website meets the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA"
              error={state.fieldErrors.complianceStatus}
              defaultValue={value("complianceStatus")}
              items={(["full", "partial", "none"] as const).map((status) => ({
                value: status,
                label: data.complianceLabels[status],
              }))}
            />
            <Textarea
              {...field("nonAccessibleContent")}
              label="Content that is not accessible"
              hint="One problem a line: what fails, the WCAG success criterion it fails, and when you will fix it. Needed unless the website is fully compliant."
              rows={6}
            />
            <TextInput
              {...field("statementPreparedOn")}
              label="Date the statement was first prepared"
              hint="For example, 21/11/2026"
              width={10}
            />
            <TextInput
              {...field("statementReviewedOn")}
              label="Date the statement was last reviewed"
              hint="For example, 21/11/2026"
              width={10}
            />
          </fieldset>
          <Checkboxes
            idPrefix="shareNetworks"
            name="shareNetworks"
            legend={<h2 className="nhsuk-fieldset__heading">Networks readers can share to</h2>}
            hint="Each becomes a plain link under every news item, blog and press release. Copying the link and email are always offered."
            error={state.fieldErrors.shareNetworks}
            items={shareNetworkIds.map((id) => ({
              value: id,
              label: shareNetworks[id].label,
              checked: chosenNetworks.includes(id),
            }))}
          />
          <Button>Save organisation settings</Button>
        </Form>
      </div>
    </div>
  );
}
