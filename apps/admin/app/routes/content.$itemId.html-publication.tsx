import { BackLink, Button, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { BodyEditor } from "~/components/body-editor/body-editor";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { bodyFormValues, bodyFromForm, orNotFound } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import contentCss from "~/styles/content.css?url";

// An HTML publication of a publication (decision 029): a long document written in the body editor,
// with its own web address under the publication. Saved into the draft like every attachment.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentCss }];

const emptyBody = { type: "doc", content: [{ type: "paragraph" }] };

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const originId = new URL(args.request.url).searchParams.get("originId") ?? "";
  const [{ item }, existing] = await Promise.all([
    orNotFound(api.publications.attachments({ itemId })),
    originId ? orNotFound(api.publications.htmlAttachment({ itemId, originId })) : Promise.resolve(null),
  ]);
  return {
    item: { id: item.id, title: item.title, slug: item.slug },
    originId,
    values: { title: existing?.title ?? "", slug: existing?.slug ?? "" },
    body: bodyFormValues(existing?.document ?? emptyBody),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const originId = textField(form, "originId");
  const values = {
    title: textField(form, "title"),
    slug: textField(form, "slug"),
    body: textField(form, "body"),
    bodyHtml: textField(form, "bodyHtml"),
  };
  try {
    await api.publications.saveHtml({
      itemId,
      ...(originId ? { originId } : {}),
      title: values.title,
      slug: values.slug,
      body: bodyFromForm(values.body, values.bodyHtml),
    });
    return redirect(`/content/${itemId}/attachments?done=${originId ? "changed" : "added"}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function HtmlPublicationEditor() {
  const { item, originId, values, body } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const [, setJson] = useState(body.body);
  const heading = originId ? "Edit an HTML publication" : "Add an HTML publication";
  const value = (name: "title" | "slug") => state.values[name] ?? values[name];
  return (
    <>
      <BackLink href={`/content/${item.id}/attachments`}>Back to the attachments</BackLink>
      <FormErrorSummary title={heading} state={state} fields={["title", "slug", "body"]} />
      <h1>
        <span className="nhsuk-caption-l">{item.title}</span>
        {heading}
      </h1>
      <Form method="post" noValidate>
        <input type="hidden" name="originId" value={originId} />
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <TextInput
              id="title"
              name="title"
              label="Title"
              defaultValue={value("title")}
              error={state.fieldErrors.title}
            />
            <TextInput
              id="slug"
              name="slug"
              label="Web address"
              hint={`It is read at /publications/${item.slug}/ followed by this: lower-case letters, numbers and hyphens`}
              defaultValue={value("slug")}
              error={state.fieldErrors.slug}
              spellCheck={false}
              width={20}
            />
            <p className="nhsuk-body-s">
              Use headings (level 2) for its sections: they make the contents list at the top of the page.
            </p>
            <BodyEditor
              documentJson={state.values.body || body.body}
              editingHtml={body.bodyHtml}
              typedHtml={state.values.bodyHtml}
              error={state.fieldErrors.body}
              kind="PUBLICATION"
              onChange={setJson}
            />
            <Button>Save to the draft</Button>
          </div>
        </div>
      </Form>
    </>
  );
}
