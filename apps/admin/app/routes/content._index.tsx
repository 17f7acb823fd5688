import { Button, ButtonLink, Select, Table, Tag, TextInput } from "@observatory/ui";
import { can } from "@observatory/api/permissions";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formFailure } from "~/lib/forms.server";
import { BulkSelection, SelectAllOnPage } from "~/components/bulk-selection";
import {
  bulkActionOptions,
  kindLabel,
  kindOptions,
  statusFilterOptions,
  statusOptions,
  when,
} from "~/lib/content.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

/** A filter the list could not apply is shown as an error, and the title says so. */
export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const hasErrors = Boolean(data && (data.formError || Object.keys(data.errors).length > 0));
  return [{ title: `${hasErrors ? "Error: " : ""}${pageTitle("Content")}` }];
};

const sortOptions = [
  { value: "updated-desc", label: "Recently updated first" },
  { value: "updated-asc", label: "Least recently updated first" },
  { value: "title-asc", label: "Title, A to Z" },
];

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "content.write" });
  const params = new URL(args.request.url).searchParams;
  const filters = {
    q: params.get("q") ?? "",
    status: params.get("status") ?? "",
    kind: params.get("kind") ?? "",
    workstreamId: params.get("workstreamId") ?? "",
    authorId: params.get("authorId") ?? "",
    reviewDue: params.get("reviewDue") ?? "",
    updatedFrom: params.get("updatedFrom") ?? "",
    updatedTo: params.get("updatedTo") ?? "",
    sort: params.get("sort") ?? "updated-desc",
  };
  const status = filters.status.startsWith("step:")
    ? ("IN_REVIEW" as const)
    : (statusOptions.find((s) => s.value === filters.status)?.value as "DRAFT" | undefined);
  const step = filters.status.startsWith("step:") ? filters.status.slice("step:".length) : undefined;
  const kind = kindOptions.find((k) => k.value === filters.kind)?.value;
  const sort = sortOptions.find((s) => s.value === filters.sort)?.value as "updated-desc" | undefined;
  const [workstreams, stepNames, authors, owners, page] = await Promise.all([
    api.editorial.workstreamOptions(),
    api.editorial.stepNames(),
    api.editorial.authorOptions(),
    can(user.role, "content.editAny") ? api.reviewDue.owners() : Promise.resolve([]),
    api.editorial
      .list({
        q: filters.q,
        status,
        step,
        kind,
        workstreamId: filters.workstreamId || undefined,
        authorId: filters.authorId || undefined,
        reviewDue: filters.reviewDue === "overdue" || filters.reviewDue === "soon" ? filters.reviewDue : undefined,
        unreviewed: filters.reviewDue === "unreviewed" || undefined,
        withdrawn: filters.status === "withdrawn" || undefined,
        updatedFrom: filters.updatedFrom,
        updatedTo: filters.updatedTo,
        sort,
        after: params.get("after") ?? undefined,
      })
      .then((result) => ({ ok: true as const, result }))
      .catch((error: unknown) => ({ ok: false as const, failure: formFailure(error).data })),
  ]);
  const nextParams = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const list = page.ok ? page.result : { items: [], next: null };
  if (list.next) nextParams.set("after", list.next);
  return {
    filters,
    errors: page.ok ? {} : page.failure.fieldErrors,
    formError: page.ok ? null : page.failure.formError,
    isFirstPage: !params.get("after"),
    canConfigure: can(user.role, "settings.manage"),
    canPublish: can(user.role, "content.publish"),
    nextHref: list.next ? `/content?${nextParams}` : null,
    workstreams: workstreams.map((w) => ({ value: w.id, label: w.title })),
    authors: authors.map((a) => ({ value: a.id, label: a.name })),
    bulkActions: bulkActionOptions(user.role),
    owners: owners.map((o) => ({ value: o.id, label: `${o.name} (${o.email})` })),
    /** Where the bulk results page links back to: this page of the list. */
    listHref: `/content${new URL(args.request.url).search}`,
    kinds: kindOptions,
    statuses: statusFilterOptions(stepNames),
    items: list.items.map((item) => ({
      id: item.id,
      title: item.title,
      kind: kindLabel(item.kind),
      status: item.statusLabel,
      isLive: item.isLive,
      publishedWithoutReview: item.publishedWithoutReview,
      isWithdrawn: item.withdrawnAt !== null,
      isUnpublished: item.status === "ARCHIVED" && item.removalReason !== null,
      authorName: item.authorName,
      updated: when(item.updatedAt),
    })),
  };
}

export default function ContentList() {
  const data = useLoaderData<typeof loader>();
  const { filters } = data;
  const firstPage = `/content?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v))}`;
  return (
    <>
      <h1>Content</h1>
      <ButtonLink href="/content/new">New content</ButtonLink>
      <p>
        <a href="/content/review-due">Review due: published content to check is still right</a>
      </p>
      {data.canPublish && (
        <p>
          <a href="/content/published-without-review">Published without review: waiting for a second editor</a>
        </p>
      )}
      {data.canConfigure && (
        <p>
          <a href="/workflows">Workflows: who reviews which content</a>
        </p>
      )}
      <Form method="get" aria-label="Filter content" className="nhsuk-u-margin-bottom-5">
        {data.formError && <p className="nhsuk-error-message">{data.formError}</p>}
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <TextInput id="q" name="q" label="Title or web address contains" defaultValue={filters.q} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <Select
              id="status"
              name="status"
              label="Status"
              defaultValue={filters.status}
              options={[{ value: "", label: "Any status" }, ...data.statuses]}
            />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <Select
              id="kind"
              name="kind"
              label="Kind"
              defaultValue={filters.kind}
              options={[{ value: "", label: "Any kind" }, ...data.kinds]}
            />
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-quarter">
            <Select
              id="reviewDue"
              name="reviewDue"
              label="Review"
              defaultValue={filters.reviewDue}
              options={[
                { value: "", label: "Any review date" },
                { value: "overdue", label: "Review overdue" },
                { value: "soon", label: "Review due in 30 days" },
                { value: "unreviewed", label: "Published without review" },
              ]}
            />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <Select
              id="workstreamId"
              name="workstreamId"
              label="Priority"
              defaultValue={filters.workstreamId}
              options={[{ value: "", label: "Any priority" }, ...data.workstreams]}
            />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <Select
              id="authorId"
              name="authorId"
              label="Author"
              defaultValue={filters.authorId}
              options={[{ value: "", label: "Any author" }, ...data.authors]}
            />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <Select id="sort" name="sort" label="Order" defaultValue={filters.sort} options={sortOptions} />
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-quarter">
            <TextInput
              id="updatedFrom"
              name="updatedFrom"
              label="Updated from"
              hint="For example, 1/11/2026"
              defaultValue={filters.updatedFrom}
              error={data.errors.updatedFrom}
            />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextInput
              id="updatedTo"
              name="updatedTo"
              label="Updated to"
              hint="For example, 30/11/2026"
              defaultValue={filters.updatedTo}
              error={data.errors.updatedTo}
            />
          </div>
        </div>
        <Button variant="secondary">Filter</Button>
      </Form>
      {data.items.length === 0 ? (
        <p>No content matches these filters.</p>
      ) : (
        <Form method="post" action="/content/bulk" id="bulk-form">
          <input type="hidden" name="back" value={data.listHref} />
          {data.items.map((item) => (
            <input type="hidden" name="onPage" value={item.id} key={item.id} />
          ))}
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">With the selected items</legend>
            <Select
              id="bulkAction"
              name="action"
              label="Action"
              options={[{ value: "", label: "Choose an action" }, ...data.bulkActions]}
            />
            {data.owners.length > 0 && (
              <Select
                id="bulkOwner"
                name="ownerId"
                label="New owner"
                hint="For Assign an owner: who is reminded when the items' reviews fall due."
                options={[{ value: "", label: "Choose a person" }, ...data.owners]}
              />
            )}
            <SelectAllOnPage />
            <Button variant="secondary">Apply to the selected items</Button>
          </fieldset>
          <Table
            caption="Content"
            head={["Select", "Title", "Kind", "Status", "Author", "Updated"]}
            rows={data.items.map((item) => [
              <BulkSelection key="select" id={item.id} title={item.title} />,
              <a href={`/content/${item.id}`} key="title">
                {item.title}
              </a>,
              item.kind,
              <span key="status">
                <Tag colour="white">{item.status}</Tag>
                {item.isLive && (
                  <>
                    {" "}
                    <Tag colour="green">Live</Tag>
                  </>
                )}
                {item.isWithdrawn && (
                  <>
                    {" "}
                    <Tag colour="grey">Withdrawn</Tag>
                  </>
                )}
                {item.isUnpublished && (
                  <>
                    {" "}
                    <Tag colour="red">Unpublished</Tag>
                  </>
                )}
                {item.publishedWithoutReview && (
                  <>
                    {" "}
                    <Tag colour="orange">Published without review</Tag>
                  </>
                )}
              </span>,
              item.authorName,
              item.updated,
            ])}
          />
        </Form>
      )}
      <nav className="nhsuk-pagination" aria-label="Pages of content">
        <ul className="nhsuk-list nhsuk-pagination__list">
          {!data.isFirstPage && (
            <li className="nhsuk-pagination-item--previous">
              <a className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={firstPage}>
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
    </>
  );
}
