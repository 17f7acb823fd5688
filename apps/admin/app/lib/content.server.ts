import { awaitingLabel, type BulkActionName, bulkActions, can, type Role, statusLabels } from "@observatory/api";
import { documentFromHtml, documentToEditingHtml } from "@observatory/content/editing-html";
import { formatDateTime } from "@observatory/time";
import { contentKindLabels } from "@observatory/ui";
import { TRPCError } from "@trpc/server";
import { textField } from "./forms.server";

// Shared by the content routes: reading the editor form, and labels computed on the server so
// the pages need no date or label logic in the browser.

export type ContentKindValue = keyof typeof contentKindLabels;

/** The kinds in the order the public site names them (one list of labels, in packages/ui). */
export const kindOptions = (Object.keys(contentKindLabels) as ContentKindValue[]).map((value) => ({
  value,
  label: contentKindLabels[value],
}));

export const kindLabel = (kind: string) => contentKindLabels[kind as ContentKindValue] ?? kind;

export const statusOptions = Object.entries(statusLabels).map(([value, label]) => ({ value, label }));

/**
 * The list's status filter: each status, with "In review" followed by each step items can wait at
 * ("step:Clinical sign-off", shown as "Awaiting clinical sign-off").
 */
export function statusFilterOptions(stepNames: string[]) {
  return [
    ...statusOptions.flatMap((option) =>
      option.value === "IN_REVIEW"
        ? [
            { value: option.value, label: "In review, at any step" },
            ...stepNames.map((name) => ({ value: `step:${name}`, label: awaitingLabel(name) })),
          ]
        : [option],
    ),
    // Not a status: a mark on an item on the site (decision 027).
    { value: "withdrawn", label: "Withdrawn" },
  ];
}

/** The bulk actions offered to `role` (each item is still checked by the API). */
export const bulkActionOptions = (role: Role) =>
  (Object.keys(bulkActions) as BulkActionName[])
    .filter((name) => can(role, bulkActions[name].permission))
    .map((name) => ({ value: name, label: bulkActions[name].label }));

export const isBulkAction = (value: string): value is BulkActionName => Object.hasOwn(bulkActions, value);

export const when = (date: Date | string | null | undefined) => (date ? formatDateTime(new Date(date)) : "");

/** "3 hours", "2 days": how long something has waited. */
export function waited(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** The editor form as typed (kept on errors), and as the API takes it. */
export function readContentForm(form: FormData) {
  const workstreamIds = form.getAll("workstreamIds").filter((v): v is string => typeof v === "string");
  const values = {
    title: textField(form, "title"),
    slug: textField(form, "slug"),
    summary: textField(form, "summary"),
    body: textField(form, "body"),
    bodyHtml: textField(form, "bodyHtml"),
    kind: textField(form, "kind"),
    seoTitle: textField(form, "seoTitle"),
    seoDescription: textField(form, "seoDescription"),
    commentsOpen: textField(form, "commentsOpen") || "yes",
    workstreamIds: workstreamIds.join(","),
    leadImageId: textField(form, "leadImageId"),
  };
  const kind = kindOptions.find((k) => k.value === values.kind)?.value;
  return {
    values,
    input: {
      title: values.title,
      slug: values.slug,
      summary: values.summary,
      body: bodyFromForm(values.body, values.bodyHtml),
      // An unknown kind is left for the API to refuse with its own message.
      kind: kind ?? ("" as ContentKindValue),
      seoTitle: values.seoTitle,
      seoDescription: values.seoDescription,
      commentsOpen: values.commentsOpen !== "no",
      workstreamIds,
      leadImageId: values.leadImageId,
    },
  };
}

/**
 * The body as the form sent it: the editor's document (JavaScript on), or the plain box's HTML read
 * through the document schema (JavaScript off). Text that is not JSON goes to the API as it is, to
 * be refused there with the message shown beside the body.
 */
export function bodyFromForm(json: string, html: string): unknown {
  if (json) {
    try {
      return JSON.parse(json);
    } catch {
      return json;
    }
  }
  return documentFromHtml(html);
}

/** The body's two forms for the editor: the document's JSON, and the plain box's HTML. */
export function bodyFormValues(document: unknown): { body: string; bodyHtml: string } {
  return {
    body: JSON.stringify(document),
    bodyHtml: documentToEditingHtml(document as Parameters<typeof documentToEditingHtml>[0]),
  };
}

/** Runs a loader's API call, turning "not found" (an unknown item or revision) into a 404 page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) {
      throw new Response(error.message, { status: 404 });
    }
    throw error;
  }
}
