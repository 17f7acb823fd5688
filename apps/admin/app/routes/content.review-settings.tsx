import { BackLink, Button, NotificationBanner, Radios, Select, TextInput, contentKindLabels } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

/** The kinds, in the public site's order (the labels are the client-safe ones in @observatory/ui). */
const kindOptions = (Object.keys(contentKindLabels) as (keyof typeof contentKindLabels)[]).map((value) => ({
  value,
  label: contentKindLabels[value],
}));

// Per kind of content: how often it is reviewed, whether readers see the review dates, who owns new
// items, and how many days before the due date count as "due soon". Administrators only.

const fieldNames = kindOptions.flatMap((k) => [
  `${k.value}.intervalMonths`,
  `${k.value}.showOnPage`,
  `${k.value}.defaultOwnerId`,
  `${k.value}.dueSoonDays`,
]);

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const [settings, owners] = await Promise.all([api.reviewDue.settings(), api.reviewDue.owners()]);
  return {
    saved: new URL(args.request.url).searchParams.has("saved"),
    kinds: kindOptions.map((kind) => ({ ...kind, ...settings[kind.value] })),
    owners: owners.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const form = await args.request.formData();
  const values = Object.fromEntries(fieldNames.map((name) => [name, textField(form, name)]));
  const number = (name: string) => {
    const text = (values[name] ?? "").trim();
    return text === "" ? Number.NaN : Number(text);
  };
  const settings = Object.fromEntries(
    kindOptions.map((k) => [
      k.value,
      {
        intervalMonths: number(`${k.value}.intervalMonths`),
        showOnPage: values[`${k.value}.showOnPage`] === "yes",
        defaultOwnerId: values[`${k.value}.defaultOwnerId`] || null,
        dueSoonDays: number(`${k.value}.dueSoonDays`),
      },
    ]),
  ) as Parameters<typeof api.reviewDue.updateSettings>[0];
  try {
    await api.reviewDue.updateSettings(settings);
    return redirect("/content/review-settings?saved=1");
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function ReviewSettings() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const value = (name: string, stored: string) => state.values[name] ?? stored;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/content/review-due">Back to review due</BackLink>
        <FormErrorSummary title="Review intervals" state={state} fields={fieldNames} />
        {data.saved && <NotificationBanner variant="success">The review intervals have been saved.</NotificationBanner>}
        <h1>Review intervals</h1>
        <p>
          For each kind of content: how often it must be reviewed, whether readers see when it was last reviewed and
          when it is next due, who owns new items, and when owners are first reminded. Publishing and “Mark as reviewed”
          count as a review. A changed interval applies from each item's next review.
        </p>
        <Form method="post" noValidate>
          {data.kinds.map((kind) => (
            <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6" key={kind.value}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                <h2 className="nhsuk-fieldset__heading">{kind.label}</h2>
              </legend>
              <TextInput
                id={`${kind.value}.intervalMonths`}
                name={`${kind.value}.intervalMonths`}
                label="Review every (months)"
                hint="For example 6 or 12"
                width={3}
                defaultValue={value(`${kind.value}.intervalMonths`, String(kind.intervalMonths))}
                error={state.fieldErrors[`${kind.value}.intervalMonths`]}
              />
              <TextInput
                id={`${kind.value}.dueSoonDays`}
                name={`${kind.value}.dueSoonDays`}
                label="Remind the owner this many days before it is due"
                width={3}
                defaultValue={value(`${kind.value}.dueSoonDays`, String(kind.dueSoonDays))}
                error={state.fieldErrors[`${kind.value}.dueSoonDays`]}
              />
              <Radios
                idPrefix={`${kind.value}.showOnPage`}
                name={`${kind.value}.showOnPage`}
                legend="Show “Page last reviewed” and “Next review due” on the public page"
                defaultValue={value(`${kind.value}.showOnPage`, kind.showOnPage ? "yes" : "no")}
                items={[
                  { value: "yes", label: "Yes" },
                  { value: "no", label: "No" },
                ]}
              />
              <Select
                id={`${kind.value}.defaultOwnerId`}
                name={`${kind.value}.defaultOwnerId`}
                label="Owner of new items"
                defaultValue={value(`${kind.value}.defaultOwnerId`, kind.defaultOwnerId ?? "")}
                error={state.fieldErrors[`${kind.value}.defaultOwnerId`]}
                options={[{ value: "", label: "Whoever creates it" }, ...data.owners]}
              />
            </fieldset>
          ))}
          <Button>Save review intervals</Button>
        </Form>
      </div>
    </div>
  );
}
