import { BackLink, Button, Checkboxes, NotificationBanner } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { kindOptions } from "~/lib/content.server";
import { formFailure } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

const reviewerRoles = [
  { value: "EDITOR", label: "Any editor" },
  { value: "ADMIN", label: "Any administrator" },
] as const;

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const [steps, editors, admins] = await Promise.all([
    api.editorial.reviewSteps(),
    api.users.list({ role: "EDITOR", status: "active" }),
    api.users.list({ role: "ADMIN", status: "active" }),
  ]);
  return {
    saved: new URL(args.request.url).searchParams.has("saved"),
    kinds: kindOptions.map((kind) => {
      const step = steps.clinical[kind.value];
      return { ...kind, roles: step?.roles ?? [], userIds: step?.userIds ?? [] };
    }),
    reviewers: [...editors.users, ...admins.users].map((u) => ({ id: u.id, label: `${u.name} (${u.email})` })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const form = await args.request.formData();
  const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  const clinical = Object.fromEntries(
    kindOptions.flatMap((kind) => {
      const roles = strings(`${kind.value}.roles`).filter(
        (r): r is "EDITOR" | "ADMIN" => r === "EDITOR" || r === "ADMIN",
      );
      const userIds = strings(`${kind.value}.userIds`);
      return roles.length || userIds.length ? [[kind.value, { roles, userIds }]] : [];
    }),
  );
  try {
    await api.editorial.updateReviewSteps({ clinical });
    return redirect("/content/review-steps?saved=1");
  } catch (error) {
    return formFailure(error);
  }
}

export default function ReviewSteps() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/content">Back to content</BackLink>
        <FormErrorSummary title="Clinical sign-off" state={state} fields={["clinical"]} />
        {data.saved && <NotificationBanner variant="success">The review steps have been saved.</NotificationBanner>}
        <h1>Clinical sign-off</h1>
        <p>
          Choose the kinds of content that need clinical sign-off after editorial approval, and who may give it. It must
          come from someone other than the author and the editor who approved it. Leave a kind empty for no second step.
        </p>
        <Form method="post">
          {data.kinds.map((kind) => (
            <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6" key={kind.value}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                <h2 className="nhsuk-fieldset__heading">{kind.label}</h2>
              </legend>
              <Checkboxes
                idPrefix={`${kind.value}-roles`}
                name={`${kind.value}.roles`}
                legend="Anyone with this role"
                items={reviewerRoles.map((r) => ({
                  value: r.value,
                  label: r.label,
                  checked: kind.roles.includes(r.value),
                }))}
              />
              {data.reviewers.length > 0 && (
                <Checkboxes
                  idPrefix={`${kind.value}-users`}
                  name={`${kind.value}.userIds`}
                  legend="Or these people"
                  items={data.reviewers.map((u) => ({
                    value: u.id,
                    label: u.label,
                    checked: kind.userIds.includes(u.id),
                  }))}
                />
              )}
            </fieldset>
          ))}
          <Button>Save review steps</Button>
        </Form>
      </div>
    </div>
  );
}
