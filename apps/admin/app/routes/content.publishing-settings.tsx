import { BackLink, Button, Checkboxes, NotificationBanner } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { kindOptions } from "~/lib/content.server";
import { formFailure } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// Which kinds of content an editor may publish without review when it cannot wait (decision 026).
// Administrators only; every change is audited.

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  return {
    saved: new URL(args.request.url).searchParams.has("saved"),
    kinds: await api.editorial.forcePublishKinds(),
    kindOptions,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const form = await args.request.formData();
  const kinds = form.getAll("kinds").map(String);
  try {
    await api.editorial.updateForcePublishKinds({ kinds: kinds as ("NEWS" | "BLOG" | "PRESS_RELEASE" | "PAGE")[] });
    return redirect("/content/publishing-settings?saved=1");
  } catch (error) {
    return formFailure(error, { kinds: kinds.join(",") });
  }
}

export default function PublishingSettings() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const chosen = state.values.kinds !== undefined ? state.values.kinds.split(",") : data.kinds;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/content/published-without-review">Back to published without review</BackLink>
        <FormErrorSummary title="Publishing settings" state={state} fields={["kinds"]} />
        {data.saved && (
          <NotificationBanner variant="success">The publishing settings have been saved.</NotificationBanner>
        )}
        <h1>Publishing settings</h1>
        <p>
          When something cannot wait for review, an editor may publish it straight away with a written reason. It is
          then marked “Published without review” until another editor has reviewed it.
        </p>
        <Form method="post" noValidate>
          <Checkboxes
            idPrefix="kinds"
            name="kinds"
            legend="Which kinds of content may be published without review?"
            hint="Leave all unticked to require review before anything is published."
            error={state.fieldErrors.kinds}
            items={data.kindOptions.map((kind) => ({ ...kind, checked: chosen.includes(kind.value) }))}
          />
          <Button>Save settings</Button>
        </Form>
      </div>
    </div>
  );
}
