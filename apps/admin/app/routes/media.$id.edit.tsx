import { BackLink, Button, NotificationBanner, SummaryList, Table } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { MediaFields, mediaFieldNames } from "~/components/media-fields";
import { orNotFound, when } from "~/lib/content.server";
import { formFailure } from "~/lib/forms.server";
import { describeSize, readMediaForm } from "~/lib/media.server";
import { requireUser } from "~/lib/session.server";

const formatNames = { avif: "AVIF", webp: "WebP", jpeg: "JPEG", png: "PNG" } as const;

const notices: Record<string, string> = {
  uploaded: "Image uploaded. It is in the library, ready to use.",
  saved: "Your changes have been saved. Pages that show this image use them now.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const media = await orNotFound(api.media.get({ id: args.params.id ?? "" }));
  const params = new URL(args.request.url).searchParams;
  return {
    notice: [...params.keys()].map((key) => notices[key]).find(Boolean) ?? null,
    media: {
      id: media.id,
      title: media.title,
      fileName: media.fileName,
      previewUrl: media.variants.find((v) => v.format === "jpeg" || v.format === "png")?.url ?? media.originalUrl,
      alt: media.decorative ? "" : media.alt,
      size: describeSize(media),
      uploaded: `${media.uploadedByName}, ${when(media.createdAt)}`,
      variants: media.variants
        .toSorted((a, b) => a.width - b.width || a.format.localeCompare(b.format))
        .map((v) => ({
          label: `${formatNames[v.format]}, ${v.width} × ${v.height}`,
          size: `${Math.max(1, Math.round(v.byteSize / 1024))} KB`,
          url: v.url,
        })),
      usedBy: media.usedBy,
    },
    values: {
      title: media.title,
      alt: media.alt,
      decorative: media.decorative ? "yes" : "",
      caption: media.caption,
      credit: media.credit,
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const id = args.params.id ?? "";
  const { values, input } = readMediaForm(await args.request.formData());
  try {
    await api.media.update({ id, ...input });
    return redirect(`/media/${encodeURIComponent(id)}/edit?saved=1`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function EditImage() {
  const { media, values, notice } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/media">Back to the media library</BackLink>
        <FormErrorSummary title={media.title} state={state} fields={mediaFieldNames} />
        {notice && !state.formError && Object.keys(state.fieldErrors).length === 0 && (
          <NotificationBanner variant="success">{notice}</NotificationBanner>
        )}
        <h1>{media.title}</h1>
        <img className="admin-media-preview" src={media.previewUrl} alt={media.alt} />
        <SummaryList
          rows={[
            { key: "File name", value: media.fileName },
            { key: "Size", value: media.size },
            { key: "Uploaded by", value: media.uploaded },
            {
              key: "Used in",
              value:
                media.usedBy.length === 0 ? (
                  "No content yet"
                ) : (
                  <ul className="nhsuk-list">
                    {media.usedBy.map((item) => (
                      <li key={item.id}>
                        <a href={`/content/${item.id}`}>{item.title}</a>
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
        <h2>Describe the image</h2>
        <Form method="post" noValidate>
          <MediaFields values={{ ...values, ...state.values }} state={state} />
          <Button>Save changes</Button>
        </Form>
        {media.variants.length > 0 && (
          <Table
            caption="Sizes made for pages"
            head={["Format and size in pixels", "File size"]}
            rows={media.variants.map((v) => [
              <a href={v.url} key="file">
                {v.label}
              </a>,
              v.size,
            ])}
          />
        )}
      </div>
    </div>
  );
}
