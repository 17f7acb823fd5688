import { toFormErrors, TRASH_DAYS } from "@observatory/api";
import type { api as apiFor } from "./api.server";
import { textField } from "./forms.server";
import { type CommentStatus, statusTabs } from "./moderation";

type Api = Awaited<ReturnType<typeof apiFor>>["api"];

/** What a moderation form answers: said in the page's status region, with the comments that failed. */
export type Outcome = { ok: boolean; message: string; failures: { id: string; reason: string }[]; field?: string };

const isStatus = (value: string): value is CommentStatus => (statusTabs as string[]).includes(value);

/**
 * The state of comment `id` as the moderator saw it, from the form's `seen-<id>` field: the API
 * refuses the action if the comment has changed since.
 */
export function seenFrom(form: FormData, id: string) {
  const [status = "", updatedAt = ""] = textField(form, `seen-${id}`).split("|");
  return isStatus(status) ? { id, status, updatedAt } : null;
}

export const outcomeMessages = {
  approve: "Comment approved: it is now on the public page.",
  reject: "Comment rejected.",
  spam: "Comment marked as spam.",
  block: "Comment marked as spam, and its sender blocked: what they send next goes straight to spam.",
  trash: `Comment moved to the trash. You can restore it from the Trash tab for ${TRASH_DAYS} days.`,
  restore: "Comment restored from the trash.",
  delete: "Comment deleted permanently.",
  edit: "Comment saved. The audit log keeps the earlier text and name.",
  redact: "Comment redacted. The original text is kept in the audit log.",
  reply: "Your reply is published under the observatory's name.",
} as const;

export type Verb = keyof typeof outcomeMessages;
// Own keys only: "toString" or "constructor" is in every object, and is no verb.
export const isVerb = (value: string): value is Verb => Object.hasOwn(outcomeMessages, value);

/** What the queue says after a redirect to it (`?notice=`): a decision's outcome, or an emptied tab. */
export const noticeMessages: Record<string, string> = {
  ...outcomeMessages,
  "emptied-spam": "The spam has been emptied: those comments are deleted permanently.",
  "emptied-trash": "The trash has been emptied: those comments are deleted permanently.",
};
export const noticeFor = (key: string): string | null =>
  Object.hasOwn(noticeMessages, key) ? (noticeMessages[key] ?? null) : null;

/**
 * One action on one comment; `reason`, `phrase` and `reply` are the form's fields for it. A refusal
 * (someone else got there first, a missing phrase) is an outcome to show, not an error.
 */
export async function moderateComment(
  api: Api,
  verb: Verb,
  seen: NonNullable<ReturnType<typeof seenFrom>>,
  fields: { reason?: string; phrase?: string; reply?: string; body?: string; authorName?: string },
): Promise<Outcome> {
  try {
    if (verb === "approve") await api.moderation.approve(seen);
    else if (verb === "reject") await api.moderation.reject({ ...seen, reason: fields.reason || undefined });
    else if (verb === "spam") await api.moderation.markSpam({ ...seen, reason: fields.reason || undefined });
    else if (verb === "block") await api.moderation.blockSender(seen);
    else if (verb === "trash") await api.moderation.trash(seen);
    else if (verb === "restore") await api.moderation.restore(seen);
    else if (verb === "delete") await api.moderation.delete(seen);
    else if (verb === "edit")
      await api.moderation.edit({ ...seen, body: fields.body ?? "", authorName: fields.authorName ?? "" });
    else if (verb === "redact") await api.moderation.redact({ ...seen, phrase: fields.phrase ?? "" });
    else await api.moderation.reply({ parentId: seen.id, body: fields.reply ?? "" });
    return { ok: true, message: outcomeMessages[verb], failures: [] };
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;
    const [field, message] = Object.entries(errors.fieldErrors)[0] ?? [];
    return { ok: false, message: message ?? errors.formError ?? "That did not work.", failures: [], field };
  }
}
