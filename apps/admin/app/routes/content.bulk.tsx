import { bulkActions, safeRedirectPath } from "@observatory/api";
import { BackLink, Button, DocumentTitle, ErrorSummary, Table, Tag, Textarea, WarningCallout } from "@observatory/ui";
import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { isBulkAction } from "~/lib/content.server";
import { bulkRefusal, selectedIds } from "~/lib/bulk-selection.server";
import { textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

// A bulk action from the content list, in one form post and without JavaScript: the chosen items
// and action arrive here; an action that asks first (archiving) answers with a page listing the
// items to confirm, whose button posts them again; then the API acts on each in turn and this page
// says how many were done and why each other one was not.

const plural = (n: number) => `${n} ${n === 1 ? "item" : "items"}`;

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const form = await args.request.formData();
  const back = safeRedirectPath(textField(form, "back"), "/content");
  const name = textField(form, "action");
  const ids = selectedIds(form);
  const refuse = (message: string) => ({ view: "refused" as const, back, message });
  if (!isBulkAction(name)) return refuse("Choose an action for the selected items");
  if (ids.length === 0) return refuse("Select at least one item, then choose the action again");
  const chosen = bulkActions[name];
  const reason = textField(form, "reason");
  try {
    const confirm = async (reasonError: string | null) => ({
      view: "confirm" as const,
      back,
      action: name,
      label: chosen.label,
      warning: chosen.confirm,
      items: await api.editorial.selection({ itemIds: ids }),
      reason,
      reasonError,
    });
    if (chosen.confirm && textField(form, "confirmed") !== "yes") return await confirm(null);
    // Archiving items readers can see unpublishes them: the reason is asked beside its field first.
    if (name === "archive" && !reason.trim()) {
      const page = await confirm("Enter why they are being unpublished: readers see this at their old addresses");
      if (page.items.some((item) => item.isOnSite)) return page;
    }
    const result = await api.editorial.bulk({
      action: name,
      itemIds: ids,
      ownerId: textField(form, "ownerId"),
      reason,
    });
    return {
      view: "done" as const,
      back,
      label: chosen.label,
      message: `${plural(result.succeeded.length)} ${result.done}.`,
      refusedMessage: result.failed.length ? `${plural(result.failed.length)} could not be ${result.done}:` : null,
      succeeded: result.succeeded.map((item) => ({
        id: item.id,
        title: item.title,
        // Archiving can be undone, item by item, from here.
        archivedAt: item.archivedAt?.toISOString() ?? null,
      })),
      failed: result.failed,
    };
  } catch (error) {
    return refuse(bulkRefusal(error));
  }
}

export default function BulkAction() {
  const answer = useActionData<typeof action>();
  // Opened rather than posted to: the list is where bulk actions start.
  if (!answer) {
    return (
      <>
        <DocumentTitle title={pageTitle("Content: bulk action")} />
        <h1>Act on several items at once</h1>
        <p>
          Select items on the <a href="/content">content list</a>, then choose what to do with them.
        </p>
      </>
    );
  }
  if (answer.view === "refused") {
    return (
      <>
        <DocumentTitle title={pageTitle("Content: bulk action")} hasErrors />
        <BackLink href={answer.back}>Back to the content list</BackLink>
        <h1>Nothing was changed</h1>
        <p className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {answer.message}.
        </p>
        <p>
          <a href={answer.back}>Go back to the content list</a> to choose the items and the action.
        </p>
      </>
    );
  }
  if (answer.view === "confirm") {
    return (
      <>
        <DocumentTitle title={pageTitle(`${answer.label}: check the items`)} hasErrors={Boolean(answer.reasonError)} />
        {answer.reasonError && <ErrorSummary autoFocus errors={[{ href: "#reason", message: answer.reasonError }]} />}
        <BackLink href={answer.back}>Back to the content list</BackLink>
        <h1>
          {answer.label} {plural(answer.items.length)}?
        </h1>
        <WarningCallout heading="Check before you confirm" headingLevel={2}>
          <p>{answer.warning}</p>
          {answer.items.some((item) => item.isOnSite) && (
            <p>Readers can see the items marked “On the public site” now; they will not be able to after this.</p>
          )}
        </WarningCallout>
        <Table
          caption="The selected items"
          head={["Title", "Status"]}
          firstCellIsHeader
          rows={answer.items.map((item) => [
            item.title,
            <span key="status">
              <Tag colour="white">{item.statusLabel}</Tag>
              {item.isOnSite && (
                <>
                  {" "}
                  <Tag colour="green">On the public site</Tag>
                </>
              )}
            </span>,
          ])}
        />
        <Form method="post" noValidate>
          {answer.items.some((item) => item.isOnSite) && (
            <Textarea
              id="reason"
              name="reason"
              label="Why are they being unpublished?"
              hint="Readers see this on the page at each old address, which says the page was removed."
              error={answer.reasonError ?? undefined}
              defaultValue={answer.reason}
              rows={3}
            />
          )}
          <input type="hidden" name="action" value={answer.action} />
          <input type="hidden" name="back" value={answer.back} />
          <input type="hidden" name="confirmed" value="yes" />
          {answer.items.map((item) => (
            <input type="hidden" name="selected" value={item.id} key={item.id} />
          ))}
          <div className="nhsuk-button-group">
            <Button variant="warning">
              Yes, {answer.label.toLowerCase()} {plural(answer.items.length)}
            </Button>
            <a href={answer.back} className="nhsuk-link">
              No, go back to the list
            </a>
          </div>
        </Form>
      </>
    );
  }
  return (
    <>
      <DocumentTitle title={pageTitle(`${answer.label}: done`)} />
      <BackLink href={answer.back}>Back to the content list</BackLink>
      <h1>{answer.message}</h1>
      {answer.succeeded.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {answer.succeeded.map((item) => (
            <li key={item.id}>
              <a href={`/content/${item.id}`}>{item.title}</a>
              {item.archivedAt && (
                <Form method="post" action={`/content/${item.id}`} className="nhsuk-u-margin-top-2">
                  <input type="hidden" name="archivedAt" value={item.archivedAt} />
                  <button
                    type="submit"
                    name="intent"
                    value="undoArchive"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                  >
                    Undo<span className="nhsuk-u-visually-hidden"> archiving “{item.title}”</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {answer.refusedMessage && (
        <div className="nhsuk-inset-text">
          <h2 className="nhsuk-heading-s">{answer.refusedMessage}</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {answer.failed.map((item) => (
              <li key={item.id}>
                <a href={`/content/${item.id}`}>{item.title}</a>: {item.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <a href={answer.back}>Back to the content list</a>
      </p>
    </>
  );
}
