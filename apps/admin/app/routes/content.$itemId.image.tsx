import { BackLink, Button, InsetText, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

/** The 5 MB image limit plus room for the form's other fields and multipart framing. */
const MAX_REQUEST_BYTES = 5 * 1024 * 1024 + 64 * 1024;

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, { permission: "content.write" });
  return { itemId: args.params.itemId ?? "" };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  // Refused before reading: a huge upload must not be buffered only to be rejected.
  const declaredSize = Number(args.request.headers.get("content-length") ?? "0");
  if (declaredSize > MAX_REQUEST_BYTES) {
    return data(
      { ok: false as const, formError: null, fieldErrors: { file: "The image must be 5 MB or smaller" }, values: {} },
      { status: 413 },
    );
  }
  const form = await args.request.formData();
  const file = form.get("file");
  const values = { alt: textField(form, "alt") };
  try {
    const isFile = typeof file === "object" && file !== null && file.size > 0;
    const uploaded = await api.editorial.uploadImage({
      fileName: isFile ? file.name : "",
      contentBase64: isFile ? Buffer.from(await file.arrayBuffer()).toString("base64") : "",
      alt: values.alt,
    });
    return { ok: true as const, markdown: uploaded.markdown };
  } catch (error) {
    const failure = formFailure(error, values);
    // The API names the file field after its content; the page's field is the file input.
    const fieldErrors = { ...failure.data.fieldErrors };
    if (fieldErrors.fileName || fieldErrors.contentBase64)
      fieldErrors.file = fieldErrors.fileName ?? fieldErrors.contentBase64 ?? "";
    return { ...failure.data, fieldErrors };
  }
}

export default function UploadImage() {
  const { itemId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = formState(result);
  const markdown = result && "markdown" in result ? result.markdown : null;
  const fileError = state.fieldErrors.file;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/content/${itemId}`}>Back to the item</BackLink>
        <FormErrorSummary title="Upload an image" state={state} fields={["file", "alt"]} />
        <h1>Upload an image</h1>
        {markdown && (
          <InsetText>
            <p>Uploaded. Copy this line into the body where the image should appear:</p>
            <p>
              <code>{markdown}</code>
            </p>
          </InsetText>
        )}
        <Form method="post" encType="multipart/form-data" noValidate>
          <div className={`nhsuk-form-group${fileError ? " nhsuk-form-group--error" : ""}`}>
            <label className="nhsuk-label" htmlFor="file">
              Image
            </label>
            <div className="nhsuk-hint" id="file-hint">
              PNG, JPEG, GIF or WebP, 5 MB or smaller.
            </div>
            {fileError && (
              <span className="nhsuk-error-message" id="file-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {fileError}
              </span>
            )}
            <input
              className="nhsuk-input"
              id="file"
              name="file"
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
            />
          </div>
          <TextInput
            id="alt"
            name="alt"
            label="Alt text"
            hint="Describe the image for people who cannot see it."
            defaultValue={state.values.alt}
            error={state.fieldErrors.alt}
          />
          <Button>Upload</Button>
        </Form>
      </div>
    </div>
  );
}
