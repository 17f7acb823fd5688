import { can } from "@observatory/api";
import { BackLink, Button, NotificationBanner, TextInput, Textarea } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

export const meta: MetaFunction = () => [{ title: pageTitle("Spam and moderation rules") }];

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "comments.moderate" });
  return { settings: await api.moderation.settings(), canSetRetention: can(user.role, "settings.manage") };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const ruleFields = [
  "holdAtLinks",
  "blockedPhrases",
  "blockedEmails",
  "blockedIpHashes",
  "heldPhrases",
  "duplicateWindowHours",
  "trustApprovedCommenters",
  "digestIntervalHours",
  "minSeconds",
  "ipLimit",
  "ipWindowMinutes",
  "emailLimit",
  "emailWindowMinutes",
];

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
  const { settings, canSetRetention } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = formState(result);
  const saved = result && "message" in result ? result.message : null;
  const value = (name: string, fallback: string) => state.values[name] ?? fallback;
  const { rules } = settings;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/comments">Comments</BackLink>
        <FormErrorSummary state={state} fields={[...ruleFields, "ipHashRetentionDays"]} />
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
          <Textarea
            id="blockedPhrases"
            name="blockedPhrases"
            label="Blocked words and phrases"
            hint="One a line. Matched as whole words, whatever their case."
            defaultValue={value("blockedPhrases", rules.blockedPhrases.join("\n"))}
            error={state.fieldErrors.blockedPhrases}
          />
          <Textarea
            id="blockedEmails"
            name="blockedEmails"
            label="Blocked email addresses"
            hint="One a line."
            defaultValue={value("blockedEmails", rules.blockedEmails.join("\n"))}
            error={state.fieldErrors.blockedEmails}
          />
          <Textarea
            id="blockedIpHashes"
            name="blockedIpHashes"
            label="Blocked IP hashes"
            hint="One a line, copied from a comment in the queue. We never store IP addresses themselves."
            defaultValue={value("blockedIpHashes", rules.blockedIpHashes.join("\n"))}
            error={state.fieldErrors.blockedIpHashes}
          />
          <TextInput
            id="duplicateWindowHours"
            name="duplicateWindowHours"
            type="number"
            width={4}
            label="Treat the same text from the same email address as spam within this many hours"
            hint="0 turns this off."
            defaultValue={value("duplicateWindowHours", String(rules.duplicateWindowHours))}
            error={state.fieldErrors.duplicateWindowHours}
          />
          <h2>Held for a moderator</h2>
          <Textarea
            id="heldPhrases"
            name="heldPhrases"
            label="Words and phrases that hold a comment for review"
            hint="One a line. Held even from commenters we trust."
            defaultValue={value("heldPhrases", rules.heldPhrases.join("\n"))}
            error={state.fieldErrors.heldPhrases}
          />
          <TextInput
            id="holdAtLinks"
            name="holdAtLinks"
            type="number"
            width={4}
            label="Hold a comment with this many links or more"
            hint="0 turns this off."
            defaultValue={value("holdAtLinks", String(rules.holdAtLinks))}
            error={state.fieldErrors.holdAtLinks}
          />
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
          <TextInput
            id="minSeconds"
            name="minSeconds"
            type="number"
            width={4}
            label="Refuse a comment sent less than this many seconds after the form was shown"
            hint="People take longer than programs. 0 turns this off."
            defaultValue={value("minSeconds", String(rules.minSeconds))}
            error={state.fieldErrors.minSeconds}
          />
          <TextInput
            id="ipLimit"
            name="ipLimit"
            type="number"
            width={4}
            label="Comments allowed from one IP address"
            hint="0 turns this limit off."
            defaultValue={value("ipLimit", String(rules.ipLimit))}
            error={state.fieldErrors.ipLimit}
          />
          <TextInput
            id="ipWindowMinutes"
            name="ipWindowMinutes"
            type="number"
            width={4}
            label="in this many minutes"
            defaultValue={value("ipWindowMinutes", String(rules.ipWindowMinutes))}
            error={state.fieldErrors.ipWindowMinutes}
          />
          <TextInput
            id="emailLimit"
            name="emailLimit"
            type="number"
            width={4}
            label="Comments allowed from one email address"
            hint="0 turns this limit off."
            defaultValue={value("emailLimit", String(rules.emailLimit))}
            error={state.fieldErrors.emailLimit}
          />
          <TextInput
            id="emailWindowMinutes"
            name="emailWindowMinutes"
            type="number"
            width={4}
            label="in this many minutes"
            defaultValue={value("emailWindowMinutes", String(rules.emailWindowMinutes))}
            error={state.fieldErrors.emailWindowMinutes}
          />
          <h2>Email digest</h2>
          <TextInput
            id="digestIntervalHours"
            name="digestIntervalHours"
            type="number"
            width={4}
            label="Email moderators about held comments at most every this many hours"
            hint="Sent only when comments have been held since the last one. 0 turns it off."
            defaultValue={value("digestIntervalHours", String(rules.digestIntervalHours))}
            error={state.fieldErrors.digestIntervalHours}
          />
          <Button>Save rules</Button>
        </Form>

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
