import { createApiClient } from "@observatory/api/client";
import { Button, Checkboxes, Radios, Select, Textarea, TextInput } from "@observatory/ui";
import { Form } from "@remix-run/react";
import { formatTime } from "@observatory/time";
import { type FormEvent, type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { FormState } from "~/components/form-errors";
import { LeadImageField } from "~/components/lead-image-field";

export type ContentFormValues = {
  title: string;
  slug: string;
  summary: string;
  body: string;
  kind: string;
  seoTitle: string;
  seoDescription: string;
  nextReviewDue: string;
  commentsOpen: string;
  workstreamIds: string;
  leadImageId: string;
};

type Props = {
  values: ContentFormValues;
  state: FormState;
  workstreams: { id: string; title: string }[];
  kinds: readonly { value: string; label: string }[];
  submitLabel: string;
  /** Hidden fields (the revision the editor was opened on). */
  hidden?: Record<string, string>;
  /** Set on an existing item: turns on autosave into the person's working copy. */
  autosave?: { itemId: string; baseRevisionId: string };
  /** The body rendered as it was loaded (the live preview replaces it while typing). */
  initialPreviewHtml: string;
  children?: ReactNode;
};

const AUTOSAVE_DELAY_MS = 3000;

const typedFields = ["title", "slug", "summary", "body", "seoTitle", "seoDescription", "nextReviewDue"] as const;
type TypedField = (typeof typedFields)[number];

const subscribeToNothing = () => () => {};

/**
 * What the person typed into the server-rendered form before React took the page over. While
 * hydrating, React resets a textarea to its server text, so the fields are read here, during the
 * first render and before React reaches them, and rendered with what they hold. On the server and
 * after a client-side navigation (when the page may still show another form) there is nothing to read.
 */
function useTextTypedBeforeHydration(values: ContentFormValues): Partial<Record<TypedField, string>> {
  // The server snapshot is used only on the server and while hydrating.
  const isHydrating = useSyncExternalStore(
    subscribeToNothing,
    () => false,
    () => true,
  );
  const [typed] = useState(() => {
    if (!isHydrating || typeof document === "undefined") return {};
    const found: Partial<Record<TypedField, string>> = {};
    for (const name of typedFields) {
      const field = document.getElementById(name);
      const isText = field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement;
      if (isText && field.value !== values[name]) found[name] = field.value;
    }
    return found;
  });
  return typed;
}

/** The editor's fields in page order, for the error summary. */
export const contentFormFields = [
  "title",
  "slug",
  "kind",
  "summary",
  "leadImageId",
  "body",
  "workstreamIds",
  "seoTitle",
  "seoDescription",
  "nextReviewDue",
  "commentsOpen",
];

/**
 * The editor: a plain form that saves without JavaScript. With JavaScript it also shows a live
 * preview (rendered by the server's one renderer) and autosaves into one working revision.
 */
export function ContentForm({
  values,
  state,
  workstreams,
  kinds,
  submitLabel,
  hidden = {},
  autosave,
  initialPreviewHtml,
  children,
}: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const typedEarly = useTextTypedBeforeHydration(values);
  const initial = { ...values, ...typedEarly };
  const [previewHtml, setPreviewHtml] = useState(initialPreviewHtml);
  const [previewProblem, setPreviewProblem] = useState("");
  const [autosaveStatus, setAutosaveStatus] = useState("");
  const timers = useRef<{ preview?: ReturnType<typeof setTimeout>; save?: ReturnType<typeof setTimeout> }>({});
  const selected = new Set(values.workstreamIds.split(",").filter(Boolean));

  function schedulePreview(body: string) {
    clearTimeout(timers.current.preview);
    timers.current.preview = setTimeout(() => {
      createApiClient()
        .editorial.renderPreview.mutate({ body })
        .then((result) => {
          setPreviewHtml(result.html);
          setPreviewProblem("");
        })
        .catch((error: unknown) =>
          setPreviewProblem(
            `The preview shows an earlier version: ${error instanceof Error ? error.message : "it could not be updated"}`,
          ),
        );
    }, 400);
  }

  function scheduleAutosave() {
    const form = formRef.current;
    if (!autosave || !form) return;
    clearTimeout(timers.current.save);
    timers.current.save = setTimeout(() => {
      const data = new FormData(form);
      const text = (name: string) => {
        const value = data.get(name);
        return typeof value === "string" ? value : "";
      };
      const kind = kinds.find((k) => k.value === text("kind"))?.value;
      if (!kind || !text("title").trim()) return;
      setAutosaveStatus("Saving a draft copy…");
      createApiClient()
        .editorial.save.mutate({
          itemId: autosave.itemId,
          baseRevisionId: autosave.baseRevisionId,
          autosave: true,
          title: text("title"),
          slug: text("slug"),
          summary: text("summary"),
          body: text("body"),
          kind: kind as "NEWS",
          seoTitle: text("seoTitle"),
          seoDescription: text("seoDescription"),
          nextReviewDue: text("nextReviewDue"),
          commentsOpen: text("commentsOpen") !== "no",
          workstreamIds: data.getAll("workstreamIds").filter((v): v is string => typeof v === "string"),
          leadImageId: text("leadImageId"),
        })
        .then(() => setAutosaveStatus(`Draft copy saved at ${formatTime(new Date())}`))
        .catch((error: unknown) =>
          setAutosaveStatus(
            error instanceof Error ? `Not saved automatically: ${error.message}` : "Not saved automatically",
          ),
        );
    }, AUTOSAVE_DELAY_MS);
  }

  // Text typed before hydration fired no events React saw: preview and autosave it now.
  useEffect(() => {
    if (typedEarly.body !== undefined) schedulePreview(typedEarly.body);
    if (Object.keys(typedEarly).length > 0) scheduleAutosave();
  }, []);

  useEffect(() => {
    const current = timers.current;
    return () => {
      clearTimeout(current.preview);
      clearTimeout(current.save);
    };
  }, []);

  function onInput(event: FormEvent<HTMLFormElement>) {
    const target = event.target;
    if (target instanceof HTMLTextAreaElement && target.name === "body") schedulePreview(target.value);
    scheduleAutosave();
  }

  return (
    <Form method="post" noValidate ref={formRef} onInput={onInput}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextInput id="title" name="title" label="Title" defaultValue={initial.title} error={state.fieldErrors.title} />
      <TextInput
        id="slug"
        name="slug"
        label="Web address"
        hint="Letters, numbers and hyphens. Leave empty to make one from the title. If you change it, the old address will lead here."
        defaultValue={initial.slug}
        error={state.fieldErrors.slug}
        spellCheck={false}
      />
      <Select
        id="kind"
        name="kind"
        label="Kind of content"
        options={[{ value: "", label: "Choose a kind" }, ...kinds]}
        defaultValue={values.kind}
        error={state.fieldErrors.kind}
      />
      <Textarea
        id="summary"
        name="summary"
        label="Summary"
        hint="One or two sentences, shown in lists and at the top of the page."
        rows={3}
        defaultValue={initial.summary}
        error={state.fieldErrors.summary}
      />
      <LeadImageField defaultValue={values.leadImageId} error={state.fieldErrors.leadImageId} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <Textarea
            id="body"
            name="body"
            label="Body"
            hint="Markdown: ## for a heading, **bold**, [link text](https://...), - for a list."
            rows={18}
            defaultValue={initial.body}
            error={state.fieldErrors.body}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <h2 className="nhsuk-heading-s">Preview of the body</h2>
          {previewProblem && (
            <p className="nhsuk-body-s" role="status">
              {previewProblem}
            </p>
          )}
          <div className="observatory-body" aria-live="polite" dangerouslySetInnerHTML={{ __html: previewHtml }} />
        </div>
      </div>
      <Checkboxes
        idPrefix="workstreamIds"
        name="workstreamIds"
        legend="Priorities"
        hint="The observatory's priorities this is about."
        error={state.fieldErrors.workstreamIds}
        items={workstreams.map((w) => ({ value: w.id, label: w.title, checked: selected.has(w.id) }))}
      />
      <TextInput
        id="seoTitle"
        name="seoTitle"
        label="Search engine title (optional)"
        defaultValue={initial.seoTitle}
        error={state.fieldErrors.seoTitle}
      />
      <Textarea
        id="seoDescription"
        name="seoDescription"
        label="Search engine description (optional)"
        rows={2}
        defaultValue={initial.seoDescription}
        error={state.fieldErrors.seoDescription}
      />
      <TextInput
        id="nextReviewDue"
        name="nextReviewDue"
        label="Next review due (optional)"
        hint="For example, 25/12/2027"
        width={10}
        defaultValue={initial.nextReviewDue}
        error={state.fieldErrors.nextReviewDue}
      />
      <Radios
        idPrefix="commentsOpen"
        name="commentsOpen"
        legend="Reader comments"
        defaultValue={values.commentsOpen || "yes"}
        error={state.fieldErrors.commentsOpen}
        items={[
          { value: "yes", label: "Open" },
          { value: "no", label: "Closed" },
        ]}
      />
      <p className="nhsuk-body-s" aria-live="polite">
        {autosaveStatus}
      </p>
      <Button name="intent" value="save">
        {submitLabel}
      </Button>
      {children}
    </Form>
  );
}
