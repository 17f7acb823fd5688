import { BackLink, Button } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { ImageFileField } from "~/components/image-file-field";
import { MediaFields, mediaFieldNames } from "~/components/media-fields";
import { formFailure } from "~/lib/forms.server";
import { readMediaForm } from "~/lib/media.server";
import { requireUser } from "~/lib/session.server";

/** The 5 MB image limit plus room for the form's other fields and multipart framing. */
const MAX_REQUEST_BYTES = 5 * 1024 * 1024 + 64 * 1024;
const TOO_BIG = "The image must be 5 MB or smaller";

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, { permission: "content.write" });
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  // Refused before reading: a huge upload must not be buffered only to be rejected.
  if (Number(args.request.headers.get("content-length") ?? "0") > MAX_REQUEST_BYTES) {
    return data({ ok: false as const, formError: null, fieldErrors: { file: TOO_BIG }, values: {} }, { status: 413 });
  }
  const form = await args.request.formData();
  const file = form.get("file");
  const { values, input } = readMediaForm(form);
  try {
    const isFile = typeof file === "object" && file !== null && file.size > 0;
    const uploaded = await api.media.upload({
      ...input,
      fileName: isFile ? file.name : "",
      contentBase64: isFile ? Buffer.from(await file.arrayBuffer()).toString("base64") : "",
    });
    return redirect(`/media/${uploaded.id}/edit?uploaded=1`);
  } catch (error) {
    const failure = formFailure(error, values);
    // The API names the file by its name and content; the page's field is the file input.
    const { fileName, contentBase64, ...fieldErrors } = failure.data.fieldErrors;
    const fileError = fieldErrors.file ?? fileName ?? contentBase64;
    return data(
      { ...failure.data, fieldErrors: fileError ? { ...fieldErrors, file: fileError } : fieldErrors },
      { status: failure.init?.status ?? 400 },
    );
  }
}

export default function UploadImage() {
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/media">Back to the media library</BackLink>
        <FormErrorSummary title="Upload an image" state={state} fields={["file", ...mediaFieldNames]} />
        <h1>Upload an image</h1>
        <p>
          Upload it once and use it anywhere. It is resized for phones and large screens, turned the right way up, and
          its hidden details (such as where a photo was taken) are removed.
        </p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <ImageFileField error={state.fieldErrors.file} />
          <MediaFields values={state.values} state={state} />
          <Button>Upload</Button>
        </Form>
      </div>
    </div>
  );
}
