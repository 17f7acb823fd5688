import { createApiClient } from "@observatory/api/client";
import type { Finding } from "@observatory/content";
import type { Editor } from "@tiptap/core";
import { Button, Checkboxes, Radios, Select, Textarea, TextInput } from "@observatory/ui";
import { Form } from "@remix-run/react";
import { formatTime } from "@observatory/time";
import { type FormEvent, type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { AccessibilityReport } from "~/components/accessibility-report";
import { BodyEditor, showFinding } from "~/components/body-editor/body-editor";
import type { FormState } from "~/components/form-errors";
import { LeadImageField } from "~/components/lead-image-field";

export type ContentFormValues = {
  title: string;
  slug: string;
  summary: string;
  /** The body as the document's JSON (what the editor sends). */
  body: string;
  /** The body as simple HTML (what the plain box without JavaScript sends). */
  bodyHtml: string;
  kind: string;
  seoTitle: string;
  seoDescription: string;
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
  /** The body's accessibility check as it was loaded (updated while typing). */
  initialFindings: Finding[];
  children?: ReactNode;
};

const AUTOSAVE_DELAY_MS = 3000;

const typedFields = ["title", "slug", "summary", "bodyHtml", "seoTitle", "seoDescription"] as const;
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
      const field = document.getElementById(name === "bodyHtml" ? "body" : name);
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
  "commentsOpen",
];

/**
 * The editor: a plain form that saves without JavaScript. With JavaScript the body becomes the
 * rich-text editor, the page shows a live preview and accessibility check (the server's one renderer
 * and check), and it autosaves into one working revision.
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
  initialFindings,
  children,
}: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const typedEarly = useTextTypedBeforeHydration(values);
  const initial = { ...values, ...typedEarly };
  const [previewHtml, setPreviewHtml] = useState(initialPreviewHtml);
  const [previewProblem, setPreviewProblem] = useState("");
  const [findings, setFindings] = useState(initialFindings);
  const [kind, setKind] = useState(values.kind);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [autosaveStatus, setAutosaveStatus] = useState("");
  const timers = useRef<{ preview?: ReturnType<typeof setTimeout>; save?: ReturnType<typeof setTimeout> }>({});
  const selected = new Set(values.workstreamIds.split(",").filter(Boolean));

  function schedulePreview(documentJson: string) {
    clearTimeout(timers.current.preview);
    timers.current.preview = setTimeout(() => {
      const chosenKind = kinds.find((k) => k.value === formRef.current?.kind?.value)?.value ?? "NEWS";
      createApiClient()
        .editorial.renderPreview.mutate({ body: JSON.parse(documentJson), kind: chosenKind as "NEWS" })
        .then((result) => {
          setPreviewHtml(result.html);
          setFindings(result.findings);
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
          body: JSON.parse(text("body") || "null"),
          kind: kind as "NEWS",
          seoTitle: text("seoTitle"),
          seoDescription: text("seoDescription"),
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

  // Text typed before hydration fired no events React saw: autosave it now (the editor, starting
  // from what was typed into the plain box, previews it).
  useEffect(() => {
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
    if (target instanceof HTMLSelectElement && target.name === "kind") setKind(target.value);
    // The editor's own panels (a link's address) are not fields of the item.
    if (target instanceof HTMLElement && target.closest(".observatory-editor-panel")) return;
    scheduleAutosave();
  }

  function onBodyChange(documentJson: string) {
    schedulePreview(documentJson);
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
        <div className="nhsuk-grid-column-two-thirds">
          <BodyEditor
            documentJson={values.body}
            editingHtml={values.bodyHtml}
            typedHtml={typedEarly.bodyHtml}
            error={state.fieldErrors.body}
            kind={kind}
            onChange={onBodyChange}
            onReady={setEditor}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <AccessibilityReport findings={findings} onShow={editor ? (f) => showFinding(editor, f) : undefined} />
        </div>
      </div>
      <details className="nhsuk-details observatory-preview" open>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Preview of the body</span>
        </summary>
        <div className="nhsuk-details__text">
          {previewProblem && (
            <p className="nhsuk-body-s" role="status">
              {previewProblem}
            </p>
          )}
          <div className="observatory-body" dangerouslySetInnerHTML={{ __html: previewHtml }} />
        </div>
      </details>
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
