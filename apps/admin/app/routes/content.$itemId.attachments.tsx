import { BackLink, Button, InsetText, Tag, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// A publication's attachments (decision 029): upload files with a title, say whether each meets
// accessibility requirements, order and remove them, and write HTML publications. Each change goes
// into the draft: the public page keeps its documents until that draft is published.

/** The 20 MB file limit plus room for the form's other fields and multipart framing. */
const MAX_REQUEST_BYTES = 20 * 1024 * 1024 + 64 * 1024;
const TOO_BIG = "The file must be 20 MB or smaller";

const formatLabels: Record<string, string> = {
  PDF: "PDF",
  CSV: "CSV",
  ODS: "ODS spreadsheet",
  DOCX: "Word document",
  ODT: "ODT document",
  HTML: "HTML publication",
};

function describe(a: { format: string; byteSize: number; pageCount: number | null }): string {
  if (a.format === "HTML") return formatLabels.HTML ?? "HTML";
  const size =
    a.byteSize >= 1024 * 1024
      ? `${(a.byteSize / 1024 / 1024).toFixed(1)} MB`
      : `${Math.max(1, Math.round(a.byteSize / 1024))} KB`;
  const pages = a.pageCount ? `, ${a.pageCount} ${a.pageCount === 1 ? "page" : "pages"}` : "";
  return `${formatLabels[a.format] ?? a.format}, ${size}${pages}`;
}

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const view = await orNotFound(api.publications.attachments({ itemId: args.params.itemId ?? "" }));
  const url = new URL(args.request.url);
  return { ...view, done: url.searchParams.get("done") ?? "" };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  // Refused before reading: a huge upload must not be buffered only to be rejected.
  if (Number(args.request.headers.get("content-length") ?? "0") > MAX_REQUEST_BYTES) {
    return data(
      { ok: false as const, formError: null, fieldErrors: { file: TOO_BIG }, values: {}, originId: "" },
      { status: 413 },
    );
  }
  const form = await args.request.formData();
  const intent = textField(form, "intent");
  const originId = textField(form, "originId");
  const values = { title: textField(form, "title"), isAccessible: textField(form, "isAccessible") };
  try {
    if (intent === "upload") {
      const file = form.get("file");
      const isFile = typeof file === "object" && file !== null && file.size > 0;
      await api.publications.addFile({
        itemId,
        title: values.title,
        fileName: isFile ? file.name : "",
        contentBase64: isFile ? Buffer.from(await file.arrayBuffer()).toString("base64") : "",
        isAccessible: values.isAccessible === "yes",
      });
      return redirect(`/content/${itemId}/attachments?done=added`);
    }
    if (intent === "update") {
      await api.publications.update({
        itemId,
        originId,
        title: values.title,
        isAccessible: values.isAccessible === "yes",
      });
      return redirect(`/content/${itemId}/attachments?done=changed`);
    }
    if (intent === "remove") {
      await api.publications.remove({ itemId, originId });
      return redirect(`/content/${itemId}/attachments?done=removed`);
    }
    if (intent === "up" || intent === "down") {
      await api.publications.move({ itemId, originId, direction: intent });
      return redirect(`/content/${itemId}/attachments?done=moved`);
    }
    throw new Response("Unknown action", { status: 400 });
  } catch (error) {
    const failure = formFailure(error, values, { originId: intent === "upload" ? "" : originId });
    // The API names the file by its name and content; the page's field is the file input.
    const { fileName, contentBase64, ...fieldErrors } = failure.data.fieldErrors;
    const fileError = fieldErrors.file ?? fileName ?? contentBase64;
    return data(
      { ...failure.data, fieldErrors: fileError ? { ...fieldErrors, file: fileError } : fieldErrors },
      { status: failure.init?.status ?? 400 },
    );
  }
}

const doneMessages: Record<string, string> = {
  added: "Attachment added to the draft.",
  changed: "Attachment changed in the draft.",
  removed: "Attachment removed from the draft.",
  moved: "Attachment moved.",
};

export default function Attachments() {
  const { item, attachments, liveAttachments, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData);
  const failedOn = actionData && "originId" in actionData ? actionData.originId : "";
  const uploadState = failedOn ? formState(null) : state;
  const title = `Attachments: ${item.title}`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/content/${item.id}`}>Back to the item</BackLink>
        <FormErrorSummary
          title={title}
          state={state}
          fields={failedOn ? [`title-${failedOn}`] : ["title", "file"]}
          targets={failedOn ? { title: `title-${failedOn}` } : {}}
        />
        <h1>
          <span className="nhsuk-caption-l">{item.title}</span>
          Attachments
        </h1>
        {done && doneMessages[done] && (
          <p className="nhsuk-body" role="status">
            {doneMessages[done]}
          </p>
        )}
        {item.kind !== "PUBLICATION" ? (
          <InsetText>
            <p>Only publications have attachments. To add documents, change this item's kind to Publication.</p>
          </InsetText>
        ) : (
          <>
            <p>
              Changes here go into the draft. Readers keep seeing the published documents until the draft is published.
            </p>
            {liveAttachments && (
              <p className="nhsuk-body-s">
                Published now:{" "}
                {liveAttachments.length ? liveAttachments.map((a) => a.title).join(", ") : "no documents"}.
              </p>
            )}
            <h2>Documents in the draft</h2>
            {attachments.length === 0 && <p>There are no documents yet.</p>}
            <ol className="nhsuk-list">
              {attachments.map((a, index) => {
                const errors = failedOn === a.originId ? state.fieldErrors : {};
                return (
                  <li key={a.originId} className="nhsuk-card nhsuk-u-margin-bottom-4">
                    <div className="nhsuk-card__content">
                      <h3 className="nhsuk-card__heading nhsuk-heading-s">{a.title}</h3>
                      <p className="nhsuk-body-s">
                        {describe(a)}{" "}
                        {a.isAccessible ? (
                          <Tag colour="green">Meets accessibility requirements</Tag>
                        ) : (
                          <Tag colour="orange">May not be accessible</Tag>
                        )}
                      </p>
                      {a.format === "HTML" && (
                        <p className="nhsuk-body-s">
                          <a href={`/content/${item.id}/html-publication?originId=${a.originId}`}>
                            Edit the text<span className="nhsuk-u-visually-hidden"> of {a.title}</span>
                          </a>
                        </p>
                      )}
                      <Form method="post" noValidate>
                        <input type="hidden" name="originId" value={a.originId} />
                        <TextInput
                          id={`title-${a.originId}`}
                          name="title"
                          label="Title"
                          defaultValue={failedOn === a.originId ? state.values.title : a.title}
                          error={errors.title}
                        />
                        {a.format !== "HTML" && (
                          <div className="nhsuk-form-group">
                            <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                              <div className="nhsuk-checkboxes__item">
                                <input
                                  className="nhsuk-checkboxes__input"
                                  id={`accessible-${a.originId}`}
                                  name="isAccessible"
                                  type="checkbox"
                                  value="yes"
                                  defaultChecked={a.isAccessible}
                                />
                                <label
                                  className="nhsuk-label nhsuk-checkboxes__label"
                                  htmlFor={`accessible-${a.originId}`}
                                >
                                  Meets accessibility requirements
                                </label>
                              </div>
                            </div>
                          </div>
                        )}
                        {a.format === "HTML" && <input type="hidden" name="isAccessible" value="yes" />}
                        <div className="nhsuk-button-group">
                          <Button name="intent" value="update" variant="secondary">
                            Save<span className="nhsuk-u-visually-hidden"> {a.title}</span>
                          </Button>
                          {index > 0 && (
                            <Button name="intent" value="up" variant="secondary">
                              Move up<span className="nhsuk-u-visually-hidden"> {a.title}</span>
                            </Button>
                          )}
                          {index < attachments.length - 1 && (
                            <Button name="intent" value="down" variant="secondary">
                              Move down<span className="nhsuk-u-visually-hidden"> {a.title}</span>
                            </Button>
                          )}
                          <Button name="intent" value="remove" variant="warning">
                            Remove<span className="nhsuk-u-visually-hidden"> {a.title}</span>
                          </Button>
                        </div>
                      </Form>
                    </div>
                  </li>
                );
              })}
            </ol>
            <h2>Upload a file</h2>
            <Form method="post" encType="multipart/form-data" noValidate>
              <TextInput
                id="title"
                name="title"
                label="Title"
                hint="What readers see in the list, and the downloaded file's name"
                defaultValue={uploadState.values.title}
                error={uploadState.fieldErrors.title}
              />
              <div className={`nhsuk-form-group${uploadState.fieldErrors.file ? " nhsuk-form-group--error" : ""}`}>
                <label className="nhsuk-label" htmlFor="file">
                  File
                </label>
                <div className="nhsuk-hint" id="file-hint">
                  PDF, CSV, ODS, ODT or Word (DOCX), 20 MB or smaller. Its type is read from its contents.
                </div>
                {uploadState.fieldErrors.file && (
                  <span className="nhsuk-error-message" id="file-error">
                    <span className="nhsuk-u-visually-hidden">Error:</span> {uploadState.fieldErrors.file}
                  </span>
                )}
                <input
                  className="nhsuk-file-upload__input"
                  id="file"
                  name="file"
                  type="file"
                  accept=".pdf,.csv,.ods,.odt,.docx"
                  aria-describedby={`file-hint${uploadState.fieldErrors.file ? " file-error" : ""}`}
                />
              </div>
              <div className="nhsuk-form-group">
                <div className="nhsuk-checkboxes">
                  <div className="nhsuk-checkboxes__item">
                    <input
                      className="nhsuk-checkboxes__input"
                      id="isAccessible"
                      name="isAccessible"
                      type="checkbox"
                      value="yes"
                      aria-describedby="isAccessible-hint"
                      defaultChecked={uploadState.values.isAccessible === "yes"}
                    />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="isAccessible">
                      This file meets accessibility requirements
                    </label>
                    <div className="nhsuk-hint nhsuk-checkboxes__hint" id="isAccessible-hint">
                      Tagged headings, text a screen reader can read, described images. If not, readers are offered a
                      way to ask for another format.
                    </div>
                  </div>
                </div>
              </div>
              <Button name="intent" value="upload">
                Upload
              </Button>
            </Form>
            <h2>HTML publications</h2>
            <p>
              A long document written here, read as a web page with a contents list, and printable. HTML publications
              are accessible, so readers can use them whatever their needs.
            </p>
            <p>
              <a href={`/content/${item.id}/html-publication`}>Add an HTML publication</a>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
