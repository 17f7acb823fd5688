import { apiConfig, can, TRASH_DAYS, toFormErrors } from "@observatory/api";
import { Button, Tag, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CommentSummary } from "~/components/comment-summary";
import { QueueShortcuts } from "~/components/queue-shortcuts";
import { QueueRowActions } from "~/components/queue-row-actions";
import { QueueRowSelect } from "~/components/queue-row-select";
import { QueueTable } from "~/components/queue-table";
import { QueueViewForm } from "~/components/queue-view-form";
import { textField } from "~/lib/forms.server";
import { isVerb, moderateComment, noticeFor, type Outcome, seenFrom } from "~/lib/moderation.server";
import { type QueueFilters, queueFilters, queueHref, statusLabels, statusTabs } from "~/lib/moderation";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(`${data ? statusLabels[data.filters.status] : "Pending"} comments`) },
];

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "comments.moderate" });
  const params = new URL(args.request.url).searchParams;
  const filters = queueFilters(params);
  // Set by a comment's own page after a decision there; only the fixed messages, never free text.
  const notice = noticeFor(params.get("notice") ?? "");
  const view = await api.moderation.queueView();
  const [queue, items, preferences] = await Promise.all([
    api.moderation.queue({ ...filters, limit: view.pageSize }).catch((error: unknown) => {
      // A mistyped date or a stale page link: say so rather than fail the page.
      if (toFormErrors(error)) throw new Response("That filter or page link is not valid.", { status: 400 });
      throw error;
    }),
    api.moderation.items(),
    api.account.preferences(),
  ]);
  return {
    notice,
    filters,
    view,
    queue,
    items,
    canDelete: can(user.role, "comments.delete"),
    trashDays: TRASH_DAYS,
    canManageRules: can(user.role, "comments.moderate"),
    canManagePersonalData: can(user.role, "comments.personalData"),
    publicSiteUrl: apiConfig().publicSiteUrl,
    keyboardShortcuts: preferences.keyboardShortcuts,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const bulkVerbs = {
  approve: "Approved",
  reject: "Rejected",
  spam: "Marked as spam",
  trash: "Moved to the trash",
  restore: "Restored",
  delete: "Deleted permanently",
} as const;
const isBulkVerb = (value: string): value is keyof typeof bulkVerbs => Object.hasOwn(bulkVerbs, value);

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "comments.moderate" });
  const form = await args.request.formData();
  const [verb = "", id = ""] = textField(form, "intent").split(":");
  const answer = (outcome: Outcome, status = 200) => data(outcome, { status });
  try {
    if (verb === "view") {
      await api.moderation.setQueueView({
        view: textField(form, "view") === "TABLE" ? "TABLE" : "CARDS",
        pageSize: textField(form, "pageSize"),
      });
      return answer({ ok: true, message: "Your choice of view is saved.", failures: [] });
    }
    if (verb === "bulk") {
      const action = id;
      const seen = form.getAll("selected").flatMap((value) => {
        const s = typeof value === "string" ? seenFrom(form, value) : null;
        return s ? [s] : [];
      });
      if (!seen.length) return answer({ ok: false, message: "Select at least one comment first.", failures: [] }, 400);
      if (!isBulkVerb(action)) return answer({ ok: false, message: "Choose an action.", failures: [] }, 400);
      const result =
        action === "delete"
          ? await api.moderation.deleteMany({ comments: seen })
          : await api.moderation.moderateMany({
              action,
              comments: seen,
              reason: textField(form, "bulkReason") || undefined,
            });
      const done = `${bulkVerbs[action]} ${plural(result.succeeded.length, "comment")}.`;
      const notDone = result.failed.length ? ` ${plural(result.failed.length, "comment")} could not be changed:` : "";
      return answer({ ok: result.failed.length === 0, message: `${done}${notDone}`, failures: result.failed });
    }
    const seen = seenFrom(form, id);
    if (!seen || !isVerb(verb))
      return answer({ ok: false, message: "That comment is not on this page any more.", failures: [] }, 400);
    const outcome = await moderateComment(api, verb, seen, { reason: textField(form, `reason-${id}`) });
    return answer(outcome, outcome.ok ? 200 : 409);
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;
    const field = Object.values(errors.fieldErrors)[0];
    const code = (error as { code?: string }).code;
    return answer(
      { ok: false, message: field ?? errors.formError ?? "That did not work.", failures: [] },
      code === "CONFLICT" ? 409 : 400,
    );
  }
}

/** Counts under a filter are bounded (`cap`); without one they are exact (`cap` null). */
function countLabel(n: number, cap: number | null) {
  return cap !== null && n >= cap ? `${cap.toLocaleString("en-GB")}+` : n.toLocaleString("en-GB");
}

export default function CommentQueue() {
  const {
    notice,
    filters,
    view,
    queue,
    items,
    canDelete,
    trashDays,
    canManagePersonalData,
    publicSiteUrl,
    keyboardShortcuts,
  } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const label = statusLabels[filters.status];
  const isTrash = filters.status === "TRASH";
  const failures = new Map((outcome?.failures ?? []).map((f) => [f.id, f.reason]));
  const withFilters = (changes: Partial<QueueFilters>) => queueHref({ ...filters, cursor: undefined, ...changes });

  return (
    <>
      <h1>Comments</h1>
      <p>
        <a href="/comments/settings">Spam and moderation rules</a>
        {canManagePersonalData && (
          <>
            {" · "}
            <a href="/comments/privacy">Export or erase a commenter's data</a>
          </>
        )}
      </p>

      <nav className="nhsuk-tabs" aria-label="Comments by status">
        <ul className="nhsuk-tabs__list">
          {statusTabs.map((status) => {
            const current = status === filters.status;
            return (
              <li key={status} className={`nhsuk-tabs__list-item${current ? " nhsuk-tabs__list-item--selected" : ""}`}>
                <a
                  className="nhsuk-tabs__tab"
                  href={withFilters({ status })}
                  aria-current={current ? "page" : undefined}
                >
                  {statusLabels[status]} ({countLabel(queue.counts[status], queue.countCap)})
                </a>
              </li>
            );
          })}
        </ul>
      </nav>

      {canDelete && (filters.status === "SPAM" || isTrash) && queue.counts[filters.status] > 0 && (
        <p>
          <a href={`/comments/empty?status=${filters.status}`}>{isTrash ? "Empty trash" : "Empty spam"}</a>
        </p>
      )}
      {isTrash && <p>Comments in the trash are deleted permanently {trashDays} days after they were moved there.</p>}
      {filters.email && (
        <p>
          Only comments from {filters.email}.{" "}
          <a href={queueHref({ ...filters, email: undefined, cursor: undefined })}>Show everyone&apos;s</a>
        </p>
      )}
      <QueueViewForm view={view.view} pageSize={view.pageSize} />

      <details className="nhsuk-details" open={Boolean(filters.itemId || filters.from || filters.to || filters.q)}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Filter and sort</span>
        </summary>
        <div className="nhsuk-details__text">
          <Form method="get">
            <input type="hidden" name="status" value={filters.status} />
            {filters.email && <input type="hidden" name="email" value={filters.email} />}
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="itemId">
                Article
              </label>
              <select className="nhsuk-select" id="itemId" name="itemId" defaultValue={filters.itemId ?? ""}>
                <option value="">All articles</option>
                {items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="from">
                Sent on or after
              </label>
              <input
                className="nhsuk-input nhsuk-input--width-10"
                id="from"
                name="from"
                type="date"
                defaultValue={filters.from}
              />
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="to">
                Sent on or before
              </label>
              <input
                className="nhsuk-input nhsuk-input--width-10"
                id="to"
                name="to"
                type="date"
                defaultValue={filters.to}
              />
            </div>
            <TextInput
              id="q"
              name="q"
              type="search"
              label="Text, name or email address"
              width={30}
              defaultValue={filters.q}
            />
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="order">
                Order
              </label>
              <select className="nhsuk-select" id="order" name="order" defaultValue={filters.order}>
                <option value="newest">Newest first</option>
                <option value="oldest">Oldest first</option>
              </select>
            </div>
            <Button variant="secondary">Apply</Button>{" "}
            <a href={queueHref({ status: filters.status, order: "newest" })}>Clear filters</a>
          </Form>
        </div>
      </details>

      <div role="status" aria-live="polite" id="queue-status">
        {(outcome ?? notice) && (
          <div className={`nhsuk-inset-text${!outcome || outcome.ok ? "" : " nhsuk-u-font-weight-bold"}`}>
            <p>{outcome ? outcome.message : notice}</p>
            {outcome && outcome.failures.length > 0 && (
              <ul>
                {outcome.failures.map((failure) => (
                  <li key={failure.id}>
                    {queue.rows.find((r) => r.id === failure.id)?.authorName ?? "A comment no longer in this list"}:{" "}
                    {failure.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      {queue.rows.length === 0 ? (
        <p>
          There are no {label.toLowerCase()} comments
          {filters.itemId || filters.q || filters.from || filters.to ? " matching these filters" : ""}.
        </p>
      ) : (
        <Form method="post" id="queue-form">
          {/* The first submit button is the one Enter presses in a text field: disabled, so Enter never moderates anything. */}
          <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
          <QueueShortcuts rowIds={queue.rows.map((r) => r.id).join(",")} isEnabled={keyboardShortcuts} />
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">With the selected comments</legend>
            {!isTrash && (
              <TextInput
                id="bulkReason"
                name="bulkReason"
                label="Reason for rejecting or marking as spam (optional, internal)"
                width={30}
              />
            )}
            <div className="nhsuk-button-group">
              {isTrash ? (
                <Button variant="secondary" name="intent" value="bulk:restore" disabled={busy}>
                  Restore selected
                </Button>
              ) : (
                <>
                  {filters.status !== "APPROVED" && (
                    <Button variant="secondary" name="intent" value="bulk:approve" disabled={busy}>
                      Approve selected
                    </Button>
                  )}
                  {filters.status !== "REJECTED" && (
                    <Button variant="secondary" name="intent" value="bulk:reject" disabled={busy}>
                      Reject selected
                    </Button>
                  )}
                  {filters.status !== "SPAM" && (
                    <Button variant="secondary" name="intent" value="bulk:spam" disabled={busy}>
                      Mark selected as spam
                    </Button>
                  )}
                  <Button variant="secondary" name="intent" value="bulk:trash" disabled={busy}>
                    Move selected to the trash
                  </Button>
                </>
              )}
              {canDelete && (isTrash || filters.status === "SPAM") && (
                <Button variant="warning" name="intent" value="bulk:delete" disabled={busy}>
                  Delete selected permanently
                </Button>
              )}
            </div>
          </fieldset>

          {view.view === "TABLE" ? (
            <QueueTable
              rows={queue.rows}
              status={filters.status}
              canDelete={canDelete}
              busy={busy}
              failures={failures}
              publicSiteUrl={publicSiteUrl}
            />
          ) : (
            <ol className="nhsuk-list" aria-label={`${label} comments`} data-queue-list>
              {queue.rows.map((row, index) => (
                <li key={row.id} className="nhsuk-u-margin-bottom-5">
                  <article
                    id={`row-${row.id}`}
                    data-queue-row={row.id}
                    data-author={row.authorName}
                    tabIndex={-1}
                    aria-labelledby={`row-${row.id}-heading`}
                    className="nhsuk-card nhsuk-u-margin-bottom-0"
                  >
                    <div className="nhsuk-card__content">
                      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2" id={`row-${row.id}-heading`}>
                        <span className="nhsuk-u-visually-hidden">Comment {index + 1}: </span>
                        {row.authorName} {row.isStaffReply && <Tag colour="blue">Staff reply</Tag>}
                      </h2>
                      {failures.has(row.id) && (
                        <p className="nhsuk-error-message">
                          <span className="nhsuk-u-visually-hidden">Error:</span> {failures.get(row.id)}
                        </p>
                      )}
                      <QueueRowSelect row={row} isLabelShown className="nhsuk-u-margin-bottom-2" />
                      <CommentSummary row={row} publicSiteUrl={publicSiteUrl} />
                      <QueueRowActions row={row} canDelete={canDelete} busy={busy} />
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                        <a href={`/comments/${row.id}`}>
                          Give a reason, edit, redact or reply
                          <span className="nhsuk-u-visually-hidden"> (the comment by {row.authorName})</span>
                        </a>
                      </p>
                    </div>
                  </article>
                </li>
              ))}
            </ol>
          )}
        </Form>
      )}

      <nav className="nhsuk-pagination" aria-label="More comments">
        <ul className="nhsuk-list nhsuk-pagination__list">
          {filters.cursor && (
            <li className="nhsuk-pagination-item--previous">
              <a className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={withFilters({})}>
                <span className="nhsuk-pagination__title">First page</span>
              </a>
            </li>
          )}
          {queue.nextCursor && (
            <li className="nhsuk-pagination-item--next">
              <a
                className="nhsuk-pagination__link nhsuk-pagination__link--next"
                href={queueHref({ ...filters, cursor: queue.nextCursor })}
              >
                <span className="nhsuk-pagination__title">Next page</span>
              </a>
            </li>
          )}
        </ul>
      </nav>
    </>
  );
}
