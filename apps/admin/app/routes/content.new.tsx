import { BackLink } from "@observatory/ui";
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContentForm, contentFormFields } from "~/components/content-form";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { bodyFormValues, kindOptions, readContentForm } from "~/lib/content.server";
import { formFailure } from "~/lib/forms.server";
import { leadImageChoices } from "~/lib/lead-image.server";
import { requireUser } from "~/lib/session.server";
import contentCss from "~/styles/content.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentCss }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const [workstreams, choices] = await Promise.all([api.editorial.workstreamOptions(), leadImageChoices(api, "")]);
  return {
    workstreams: workstreams.map((w) => ({ id: w.id, title: w.title })),
    kinds: kindOptions,
    body: bodyFormValues({ type: "doc", content: [{ type: "paragraph" }] }),
    ...choices,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const { values, input } = readContentForm(await args.request.formData());
  try {
    const created = await api.editorial.create(input);
    return redirect(`/content/${created.itemId}?saved=1`);
  } catch (error) {
    return formFailure(error, values);
  }
}

const blank = {
  title: "",
  slug: "",
  summary: "",
  kind: "",
  seoTitle: "",
  seoDescription: "",
  commentsOpen: "yes",
  workstreamIds: "",
  leadImageId: "",
};

export default function NewContent() {
  const { workstreams, kinds, body } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <>
      <BackLink href="/content">Back to content</BackLink>
      <FormErrorSummary title="New content" state={state} fields={contentFormFields} />
      <h1>New content</h1>
      <p>It is saved as your draft. Nothing is published until an editor has approved it.</p>
      <ContentForm
        values={{ ...blank, ...body, ...state.values }}
        state={state}
        workstreams={workstreams}
        kinds={kinds}
        submitLabel="Save draft"
        initialPreviewHtml=""
        initialFindings={[]}
      />
    </>
  );
}
