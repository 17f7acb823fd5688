import { Button, ButtonLink, Table, TextInput } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { when } from "~/lib/content.server";
import { formFailure } from "~/lib/forms.server";
import { describeSize } from "~/lib/media.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

export const meta: MetaFunction = () => [{ title: pageTitle("Media library") }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const params = new URL(args.request.url).searchParams;
  const q = params.get("q") ?? "";
  const page = await api.media
    .list({ q, after: params.get("after") ?? undefined })
    .then((result) => ({ ok: true as const, result }))
    .catch((error: unknown) => ({ ok: false as const, failure: formFailure(error).data }));
  const list = page.ok ? page.result : { items: [], next: null };
  const searchParams = (extra: Record<string, string>) =>
    new URLSearchParams(Object.entries({ q, ...extra }).filter(([, v]) => v));
  return {
    q,
    problem: page.ok ? null : (page.failure.fieldErrors.q ?? page.failure.formError),
    isFirstPage: !params.get("after"),
    firstHref: `/media?${searchParams({})}`,
    nextHref: list.next ? `/media?${searchParams({ after: list.next })}` : null,
    items: list.items.map((media) => ({
      id: media.id,
      title: media.title,
      alt: media.decorative ? "Decorative (no alt text)" : media.alt,
      thumbnailUrl: media.thumbnailUrl,
      size: describeSize(media),
      uploaded: `${media.uploadedByName}, ${when(media.createdAt)}`,
    })),
  };
}

export default function MediaLibrary() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Media library</h1>
      <p>Images uploaded here can be used in any content, as a lead image or in the body.</p>
      <ButtonLink href="/media/upload">Upload an image</ButtonLink>
      <Form method="get" role="search" aria-label="Search the media library" className="nhsuk-u-margin-bottom-5">
        <TextInput
          id="q"
          name="q"
          type="search"
          label="Title, alt text or file name contains"
          defaultValue={data.q}
          error={data.problem ?? undefined}
        />
        <Button variant="secondary">Search</Button>
      </Form>
      {data.items.length === 0 ? (
        <p>{data.q ? `No images match “${data.q}”.` : "No images have been uploaded yet."}</p>
      ) : (
        <Table
          caption={data.q ? `Images matching “${data.q}”, newest first` : "Images, newest first"}
          head={["Image", "Title", "Alt text", "Size", "Uploaded by"]}
          rows={data.items.map((media) => [
            // The title beside it names the image: the thumbnail itself is decoration here.
            <img className="admin-thumbnail" src={media.thumbnailUrl} alt="" loading="lazy" key="image" />,
            <a href={`/media/${media.id}/edit`} key="title">
              {media.title}
            </a>,
            media.alt,
            media.size,
            media.uploaded,
          ])}
        />
      )}
      {(data.nextHref || !data.isFirstPage) && (
        <nav className="nhsuk-pagination" aria-label="Pages of images">
          <ul className="nhsuk-list nhsuk-pagination__list">
            {!data.isFirstPage && (
              <li className="nhsuk-pagination-item--previous">
                <a className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={data.firstHref}>
                  <span className="nhsuk-pagination__title">First page</span>
                </a>
              </li>
            )}
            {data.nextHref && (
              <li className="nhsuk-pagination-item--next">
                <a className="nhsuk-pagination__link nhsuk-pagination__link--next" href={data.nextHref}>
                  <span className="nhsuk-pagination__title">Next page</span>
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
