import { Button, NotificationBanner, Select, Table, Tag, contentKindLabels } from "@observatory/ui";
import { can } from "@observatory/api/permissions";
import { formatDate } from "@observatory/time";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { kindLabel } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { dueWords } from "~/lib/review-due.server";
import { requireUser } from "~/lib/session.server";
import contentCss from "~/styles/content.css?url";

/** The kinds, in the public site's order (the labels are the client-safe ones in @observatory/ui). */
const kindOptions = (Object.keys(contentKindLabels) as (keyof typeof contentKindLabels)[]).map((value) => ({
  value,
  label: contentKindLabels[value],
}));

// Published content whose review is overdue or due soon, filterable by owner, kind and stage, with
// the count per owner and kind (the administrators' report). Each row marks its item as reviewed
// with a plain form: no JavaScript needed.

export const links = () => [{ rel: "stylesheet", href: contentCss }];

const stageOptions = [
  { value: "", label: "Overdue and due soon" },
  { value: "OVERDUE", label: "Overdue" },
  { value: "DUE_SOON", label: "Due soon" },
];

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "content.write" });
  const params = new URL(args.request.url).searchParams;
  const owner = params.get("owner") ?? "";
  const kind = kindOptions.find((k) => k.value === params.get("kind"))?.value;
  const stage = stageOptions.find((s) => s.value && s.value === params.get("stage"))?.value as
    | "OVERDUE"
    | "DUE_SOON"
    | undefined;
  const ownerId = owner === "me" ? user.id : owner || undefined;
  const list = await api.reviewDue.list({ ownerId, kind, stage });
  return {
    filters: { owner: owner === "me" ? user.id : owner, kind: kind ?? "", stage: stage ?? "" },
    reviewed: params.get("reviewed"),
    canConfigure: can(user.role, "settings.manage"),
    showReport: can(user.role, "content.editAny"),
    totals: list.totals,
    total: list.total,
    items: list.items.map((i) => ({
      id: i.id,
      title: i.title,
      kind: kindLabel(i.kind),
      owner: i.ownerName,
      stage: i.stage,
      due: dueWords(i.stage, i.nextReviewDue),
      lastReviewed: i.lastReviewedAt ? formatDate(i.lastReviewedAt) : "Never",
      canMarkReviewed: i.canMarkReviewed,
    })),
    report: list.report.map((r) => ({
      ownerId: r.ownerId,
      owner: r.ownerName,
      kind: r.kind,
      kindLabel: kindLabel(r.kind),
      overdue: r.overdue,
      dueSoon: r.dueSoon,
    })),
    owners: list.owners.map((o) => ({ value: o.id, label: o.id === user.id ? `${o.name} (you)` : o.name })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const form = await args.request.formData();
  try {
    const done = await api.reviewDue.markReviewed({ itemId: textField(form, "itemId"), note: textField(form, "note") });
    const back = new URLSearchParams(textField(form, "filters"));
    back.set("reviewed", done.title);
    return redirect(`/content/review-due?${back}`);
  } catch (error) {
    return formFailure(error);
  }
}

export default function ReviewDue() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const filterQuery = new URLSearchParams(Object.entries(data.filters).filter(([, v]) => v)).toString();
  return (
    <>
      <FormErrorSummary title="Review due" state={state} fields={[]} />
      {data.reviewed && (
        <NotificationBanner variant="success">
          {`“${data.reviewed}” is marked as reviewed. Its next review date has been renewed.`}
        </NotificationBanner>
      )}
      <h1>Review due</h1>
      <p>
        Published content whose review is overdue or due soon: {data.totals.overdue} overdue, {data.totals.dueSoon} due
        soon. Readers never see a review date that has passed: an overdue page shows only when it was last reviewed. If
        the content still stands, mark it as reviewed; otherwise edit and publish it.
      </p>
      {data.canConfigure && (
        <p>
          <a href="/content/review-settings">Review intervals and what readers see, per kind of content</a>
        </p>
      )}
      <Form method="get" aria-label="Filter the review-due list" className="nhsuk-u-margin-bottom-5">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <Select
              id="owner"
              name="owner"
              label="Owner"
              defaultValue={data.filters.owner}
              options={[{ value: "", label: "Anyone" }, ...data.owners]}
            />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <Select
              id="kind"
              name="kind"
              label="Kind"
              defaultValue={data.filters.kind}
              options={[{ value: "", label: "Any kind" }, ...kindOptions]}
            />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <Select id="stage" name="stage" label="Review" defaultValue={data.filters.stage} options={stageOptions} />
          </div>
        </div>
        <Button variant="secondary">Show</Button>
      </Form>
      {data.items.length === 0 ? (
        <p>Nothing is due for review{filterQuery ? " with these filters" : ""}.</p>
      ) : (
        <Table
          caption={`${data.total} ${data.total === 1 ? "item" : "items"} due for review`}
          head={["Content", "Owner", "Review", "Last reviewed", "Action"]}
          rows={data.items.map((item) => [
            <span key="title">
              <a href={`/content/${item.id}/review-due`}>{item.title}</a>
              <br />
              <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">{item.kind}</span>
            </span>,
            item.owner,
            <span key="due">
              {item.stage === "OVERDUE" ? <Tag colour="red">Overdue</Tag> : <Tag colour="yellow">Due soon</Tag>}
              <br />
              {item.due}
            </span>,
            item.lastReviewed,
            item.canMarkReviewed ? (
              <Form method="post" key="mark">
                <input type="hidden" name="itemId" value={item.id} />
                <input type="hidden" name="filters" value={filterQuery} />
                <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                  Mark as reviewed<span className="nhsuk-u-visually-hidden">: {item.title}</span>
                </button>
                <br />
                <a href={`/content/${item.id}/review-due`} className="nhsuk-body-s">
                  With a note<span className="nhsuk-u-visually-hidden"> about {item.title}</span>
                </a>
              </Form>
            ) : (
              "Only its owner or an editor can mark it"
            ),
          ])}
        />
      )}
      {data.showReport && data.report.length > 0 && (
        <Table
          caption="Overdue and due soon, by owner and kind"
          head={["Owner", "Kind", "Overdue", "Due soon"]}
          firstCellIsHeader
          rows={data.report.map((r) => [
            r.owner,
            r.ownerId ? (
              <a href={`/content/review-due?owner=${r.ownerId}&kind=${r.kind}`}>{r.kindLabel}</a>
            ) : (
              r.kindLabel
            ),
            String(r.overdue),
            String(r.dueSoon),
          ])}
        />
      )}
    </>
  );
}
