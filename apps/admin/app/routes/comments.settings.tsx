import { can } from "@observatory/api";
import { formatDate } from "@observatory/time";
import { BackLink, Button, NotificationBanner, Table, TextInput, Textarea } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

/** How many days of refused submissions the page shows. */
const REFUSAL_DAYS = 30;

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "comments.moderate" });
  const [settings, refusals] = await Promise.all([
    api.moderation.settings(),
    api.moderation.refusals({ days: REFUSAL_DAYS }),
  ]);
  return { settings, refusals, canSetRetention: can(user.role, "settings.manage") };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

type ListRule = "blockedPhrases" | "blockedEmails" | "blockedIpHashes" | "heldPhrases";
type NumberRule =
  | "holdAtLinks"
  | "duplicateWindowHours"
  | "digestIntervalHours"
  | "minSeconds"
  | "ipLimit"
  | "ipWindowMinutes"
  | "emailLimit"
  | "emailWindowMinutes";
/** Every field of the rules form, in page order (the order of the error summary). */
const ruleFields = [
  "blockedPhrases",
  "blockedEmails",
  "blockedIpHashes",
  "duplicateWindowHours",
  "heldPhrases",
  "holdAtLinks",
  "trustApprovedCommenters",
  "minSeconds",
  "ipLimit",
  "ipWindowMinutes",
  "emailLimit",
  "emailWindowMinutes",
  "digestIntervalHours",
] satisfies (ListRule | NumberRule | "trustApprovedCommenters")[];

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "comments.moderate" });
  const form = await args.request.formData();
  const values = Object.fromEntries(
    [...ruleFields, "ipHashRetentionDays"].map((name) => [name, textField(form, name)]),
  ) as Record<string, string>;
  const number = (name: string) => (values[name]?.trim() ? Number(values[name]) : Number.NaN);
  try {
    if (textField(form, "intent") === "retention") {
      await api.moderation.updateRetention({ ipHashRetentionDays: number("ipHashRetentionDays") });
      return data({ ok: true as const, message: "IP hashes will be cleared after the new number of days." });
    }
    await api.moderation.updateRules({
      holdAtLinks: number("holdAtLinks"),
      blockedPhrases: lines(values.blockedPhrases ?? ""),
      blockedEmails: lines(values.blockedEmails ?? ""),
      blockedIpHashes: lines(values.blockedIpHashes ?? ""),
      heldPhrases: lines(values.heldPhrases ?? ""),
      duplicateWindowHours: number("duplicateWindowHours"),
      trustApprovedCommenters: form.get("trustApprovedCommenters") === "yes",
      digestIntervalHours: number("digestIntervalHours"),
      minSeconds: number("minSeconds"),
      ipLimit: number("ipLimit"),
      ipWindowMinutes: number("ipWindowMinutes"),
      emailLimit: number("emailLimit"),
      emailWindowMinutes: number("emailWindowMinutes"),
    });
    return data({ ok: true as const, message: "The rules are saved. They apply to comments sent from now on." });
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function CommentSettings() {
  const { settings, refusals, canSetRetention } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = formState(result);
  const saved = result && "message" in result ? result.message : null;
  const value = (name: string, fallback: string) => state.values[name] ?? fallback;
  const { rules } = settings;
  const listField = (name: ListRule, label: string, hint: string) => (
    <Textarea
      id={name}
      name={name}
      label={label}
      hint={hint}
      defaultValue={value(name, rules[name].join("\n"))}
      error={state.fieldErrors[name]}
    />
  );
  const numberField = (name: NumberRule, label: string, hint?: string) => (
    <TextInput
      id={name}
      name={name}
      type="number"
      width={4}
      label={label}
      hint={hint}
      defaultValue={value(name, String(rules[name]))}
      error={state.fieldErrors[name]}
    />
  );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/comments">Comments</BackLink>
        <FormErrorSummary
          title="Spam and moderation rules"
          state={state}
          fields={[...ruleFields, "ipHashRetentionDays"]}
        />
        {saved && <NotificationBanner variant="success">{saved}</NotificationBanner>}
        <h1>Spam and moderation rules</h1>
        <p>
          Every new comment is checked against these rules. The moderation queue shows which rule decided what happened
          to each comment. Comments sent too quickly, or by programs filling in hidden fields, are refused before these
          rules run.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="rules" />
          <h2>Sent to spam</h2>
          {listField(
            "blockedPhrases",
            "Blocked words and phrases",
            "One a line. Matched as whole words, whatever their case.",
          )}
          {listField("blockedEmails", "Blocked email addresses", "One a line.")}
          {listField(
            "blockedIpHashes",
            "Blocked IP hashes",
            "One a line, copied from a comment in the queue. We never store IP addresses themselves.",
          )}
          {numberField(
            "duplicateWindowHours",
            "Treat the same text from the same email address as spam within this many hours",
            "0 turns this off.",
          )}
          <h2>Held for a moderator</h2>
          {listField(
            "heldPhrases",
            "Words and phrases that hold a comment for review",
            "One a line. Held even from commenters we trust.",
          )}
          {numberField("holdAtLinks", "Hold a comment with this many links or more", "0 turns this off.")}
          <h2>Trust</h2>
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="trustApprovedCommenters"
                  name="trustApprovedCommenters"
                  type="checkbox"
                  value="yes"
                  defaultChecked={
                    state.values.holdAtLinks === undefined
                      ? rules.trustApprovedCommenters
                      : state.values.trustApprovedCommenters === "yes"
                  }
                  aria-describedby="trustApprovedCommenters-hint"
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="trustApprovedCommenters">
                  Publish at once comments from email addresses with an approved comment
                </label>
                <div className="nhsuk-hint nhsuk-checkboxes__hint" id="trustApprovedCommenters-hint">
                  Unless a rule above holds or blocks them. Otherwise every comment waits for a moderator.
                </div>
              </div>
            </div>
          </div>
          <h2>Refused</h2>
          <p>These comments are not stored at all: the sender is told why and can try again later.</p>
          {numberField(
            "minSeconds",
            "Refuse a comment sent less than this many seconds after the form was shown",
            "People take longer than programs. 0 turns this off.",
          )}
          {numberField("ipLimit", "Comments allowed from one IP address", "0 turns this limit off.")}
          {numberField("ipWindowMinutes", "in this many minutes")}
          {numberField("emailLimit", "Comments allowed from one email address", "0 turns this limit off.")}
          {numberField("emailWindowMinutes", "in this many minutes")}
          <h2>Email digest</h2>
          {numberField(
            "digestIntervalHours",
            "Email moderators about held comments at most every this many hours",
            "Sent only when comments have been held since the last one. 0 turns it off.",
          )}
          <Button>Save rules</Button>
        </Form>

        <h2>Refused submissions</h2>
        <p>
          How many comments each rule under "Refused" turned away, by UK day. Only the numbers are kept: nothing of what
          was sent, nor who sent it.
        </p>
        {refusals.length ? (
          <Table
            caption={`Refused submissions in the last ${REFUSAL_DAYS} days`}
            head={["Day", "Reason", "Refused"]}
            rows={refusals.map((r) => [formatDate(r.day), r.label, r.count.toLocaleString("en-GB")])}
            firstCellIsHeader
          />
        ) : (
          <p>No submissions have been refused in the last {REFUSAL_DAYS} days.</p>
        )}

        <h2>Privacy</h2>
        <p>
          IP hashes are cleared {settings.ipHashRetentionDays} days after a comment is sent. The public privacy notice
          shows this number.
        </p>
        {canSetRetention && (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="retention" />
            <TextInput
              id="ipHashRetentionDays"
              name="ipHashRetentionDays"
              type="number"
              width={4}
              label="Clear IP hashes after this many days"
              defaultValue={value("ipHashRetentionDays", String(settings.ipHashRetentionDays))}
              error={state.fieldErrors.ipHashRetentionDays}
            />
            <Button variant="secondary">Save</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
