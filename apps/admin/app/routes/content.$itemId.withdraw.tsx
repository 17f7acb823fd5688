import { BackLink, Button, InsetText, Textarea, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// Withdrawing an item (decision 027): it stays at its address with a banner giving the reason, and
// a link to what replaces it if anything, but leaves listings, search and the sitemap. The item's
// page shows the banner and offers to undo it.

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.publish" });
  const view = await orNotFound(api.editorial.item({ itemId: args.params.itemId ?? "" }));
  return {
    itemId: view.item.id,
    title: view.revision.title,
    canWithdraw: view.can.withdraw,
    isWithdrawn: view.item.withdrawnAt !== null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.publish" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const values = { reason: textField(form, "reason"), replacementPath: textField(form, "replacementPath") };
  try {
    await api.editorial.withdraw({ itemId, ...values });
    return redirect(`/content/${itemId}?withdrawn=1`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function WithdrawItem() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
        <FormErrorSummary title={`Withdraw “${data.title}”`} state={state} fields={["reason", "replacementPath"]} />
        <h1>Withdraw “{data.title}”</h1>
        {data.canWithdraw ? (
          <>
            <p>
              Withdraw content that is out of date or no longer right but that people may still need to find, for the
              record. It stays at its web address with a banner saying when and why it was withdrawn, and leaves the
              lists, search and the sitemap. Comments close. You can undo this at any time.
            </p>
            <Form method="post" noValidate>
              <Textarea
                id="reason"
                name="reason"
                label="Why is it withdrawn?"
                hint="Readers see this in the banner, for example: This guidance no longer applies because the programme ended in March 2026."
                error={state.fieldErrors.reason}
                defaultValue={state.values.reason}
                rows={4}
              />
              <TextInput
                id="replacementPath"
                name="replacementPath"
                label="What replaces it (optional)"
                hint="The web address of a published item or a page on this site, starting with /, for example /news/new-guidance"
                error={state.fieldErrors.replacementPath}
                defaultValue={state.values.replacementPath}
                spellCheck={false}
              />
              <div className="nhsuk-button-group">
                <Button variant="warning">Withdraw it</Button>
                <a href={`/content/${data.itemId}`} className="nhsuk-link">
                  Cancel
                </a>
              </div>
            </Form>
          </>
        ) : (
          <InsetText>
            {data.isWithdrawn
              ? "This item is already withdrawn."
              : "Only an item on the public site can be withdrawn. To take it off the site altogether, archive it."}
          </InsetText>
        )}
      </div>
    </div>
  );
}
