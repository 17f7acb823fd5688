import { BackLink, Button, WarningCallout } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "@observatory/time";
import { textField } from "~/lib/forms.server";
import { queueHref } from "~/lib/moderation";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

// "Empty spam" and "Empty trash": a page of its own that says how many comments will be deleted
// permanently, and a button to confirm (no JavaScript needed). Only the comments there when this
// page was shown go: whatever arrives while the moderator reads it stays.

const places = { SPAM: "spam", TRASH: "trash" } as const;
type Place = keyof typeof places;
const placeOf = (value: string | null): Place | null => (value === "SPAM" || value === "TRASH" ? value : null);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data?.status === "TRASH" ? "Empty trash" : "Empty spam") },
];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "comments.delete" });
  const status = placeOf(new URL(args.request.url).searchParams.get("status"));
  if (!status) throw new Response("There is no such place to empty.", { status: 404 });
  const { count, asOf } = await api.moderation.emptiable({ status });
  return { status, count, asOf: asOf.toISOString() };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "comments.delete" });
  const form = await args.request.formData();
  const status = placeOf(textField(form, "status"));
  const asOf = new Date(textField(form, "asOf"));
  if (!status || Number.isNaN(asOf.getTime())) throw new Response("That confirmation is not valid.", { status: 400 });
  await api.moderation.empty({ status, asOf });
  return redirect(`${queueHref({ status })}&notice=emptied-${places[status]}`);
}

export default function EmptyComments() {
  const { status, count, asOf } = useLoaderData<typeof loader>();
  const place = places[status];
  const back = queueHref({ status });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={back}>Comments</BackLink>
        <h1>Empty {place}</h1>
        {count === 0 ? (
          <>
            <p>There are no comments in the {place}.</p>
            <p>
              <a href={back}>Back to the comments</a>
            </p>
          </>
        ) : (
          <>
            <WarningCallout heading="This cannot be undone" headingLevel={2}>
              <p>
                {count === 1 ? "1 comment" : `${count.toLocaleString("en-GB")} comments`} in the {place} (as of{" "}
                {formatDateTime(asOf)}) will be deleted permanently, with any replies to them.
              </p>
            </WarningCallout>
            <Form method="post">
              <input type="hidden" name="status" value={status} />
              <input type="hidden" name="asOf" value={asOf} />
              <div className="nhsuk-button-group">
                <Button variant="warning">
                  Delete {count === 1 ? "1 comment" : `${count.toLocaleString("en-GB")} comments`} permanently
                </Button>
                <a className="nhsuk-link" href={back}>
                  Cancel
                </a>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
