import { documentExtensions } from "@observatory/content/extensions";
import { cleanPastedHtml } from "@observatory/content/paste";
import { ErrorMessage, Textarea } from "@observatory/ui";
import { type Editor, Extension, type JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { focusText } from "./focus-text";
import { ImagePanel } from "./image-panel";
import { LinkPanel } from "./link-panel";
import { Toolbar, type ToolbarGroup } from "./toolbar";

// The body field. Without JavaScript it is a plain box holding the body as simple HTML, read back
// through the same schema when saved, so nothing is lost. With JavaScript it becomes the rich-text
// editor (tiptap, on ProseMirror), and the body travels as the document itself in a hidden field.

type Props = {
  /** The body as the document's JSON. */
  documentJson: string;
  /** The body as the editor's simple HTML, for the plain box. */
  editingHtml: string;
  /** HTML typed into the plain box before the editor took over, to start from instead. */
  typedHtml?: string;
  error?: string;
  /** The kind of content being written: press releases have blocks of their own. */
  kind: string;
  onChange: (documentJson: string) => void;
  /** The editor, once it is running (the accessibility check beside it selects passages in it). */
  onReady?: (editor: Editor | null) => void;
};

const hint =
  "Alt+F10 or Escape moves to the toolbar; in the toolbar, arrow keys move between its buttons and Escape returns to the text.";

function parseJson(text: string): JSONContent | null {
  try {
    const value = JSON.parse(text) as JSONContent;
    return value && value.type === "doc" ? value : null;
  } catch {
    return null;
  }
}

export function BodyEditor(props: Props) {
  // The editor needs the browser: the server (and the first render in the browser) show the box.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) {
    return (
      <Textarea
        id="body"
        name="bodyHtml"
        label="Body"
        hint="The body as HTML: headings (<h2> to <h4>), paragraphs, lists, links and tables. Turn on JavaScript for the editor."
        rows={18}
        defaultValue={props.typedHtml ?? props.editingHtml}
        error={props.error}
      />
    );
  }
  return <RichTextEditor {...props} />;
}

function RichTextEditor({ documentJson, typedHtml, error, kind, onChange, onReady }: Props) {
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [json, setJson] = useState(documentJson);
  const focusToolbar = () => {
    const button = toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]');
    button?.focus();
    return Boolean(button);
  };

  const editor = useEditor({
    immediatelyRender: false,
    // The admin's content security policy allows no inline styles: the editor's own CSS is in content.css.
    injectCSS: false,
    extensions: [
      ...documentExtensions,
      Extension.create({
        name: "observatoryKeys",
        addKeyboardShortcuts: () => ({
          Enter: ({ editor: e }) => leaveContainer(e),
          "Alt-F10": focusToolbar,
          Escape: focusToolbar,
          "Mod-k": () => {
            setPanel("link");
            return true;
          },
        }),
      }),
    ],
    content: typedHtml ?? parseJson(documentJson) ?? "",
    editorProps: {
      attributes: {
        id: "body",
        class: "observatory-editor__content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": "body-label",
        "aria-describedby": error ? "body-hint body-error" : "body-hint",
        spellcheck: "true",
      },
      // Word, Google Docs and web pages: keep the structure, drop their styles and markup.
      transformPastedHTML: (html) => cleanPastedHtml(html, (h) => new DOMParser().parseFromString(h, "text/html")),
    },
    onUpdate: ({ editor: e }) => {
      const next = JSON.stringify(e.getJSON());
      setJson(next);
      onChange(next);
    },
  });

  // Text typed into the plain box before the editor started is part of the body now.
  useEffect(() => {
    if (editor && typedHtml !== undefined) onChange(JSON.stringify(editor.getJSON()));
    onReady?.(editor);
    return () => onReady?.(null);
  }, [editor]);

  return (
    <div className={`nhsuk-form-group observatory-editor${error ? " nhsuk-form-group--error" : ""}`}>
      <p className="nhsuk-label" id="body-label">
        Body
      </p>
      <div className="nhsuk-hint" id="body-hint">
        {hint}
      </div>
      {error && <ErrorMessage id="body-error">{error}</ErrorMessage>}
      {editor && (
        <Toolbar editor={editor} groups={toolbarGroups(kind, setPanel)} toolbarRef={toolbarRef} controls="body" />
      )}
      {editor && panel === "link" && <LinkPanel editor={editor} onClose={() => setPanel(null)} />}
      {editor && panel === "image" && <ImagePanel editor={editor} onClose={() => setPanel(null)} />}
      <EditorContent editor={editor} />
      <input type="hidden" name="body" value={editor ? JSON.stringify(editor.getJSON()) : json} />
    </div>
  );
}

/**
 * Selects what an accessibility finding is about (an image, or the words it quotes) and moves the
 * focus there, so the person can fix it with the toolbar.
 */
export function showFinding(editor: Editor, finding: { rule: string; excerpt: string }) {
  let found: { from: number; to?: number } | null = null;
  const quote = finding.excerpt.slice(0, 80);
  editor.state.doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === "image") {
      if (node.attrs.mediaId === finding.excerpt || (quote && node.attrs.alt === finding.excerpt))
        found = { from: pos };
      return false;
    }
    if (node.isTextblock && quote) {
      const at = node.textContent.indexOf(quote);
      if (at >= 0) found = { from: pos + 1 + at, to: pos + 1 + at + quote.length };
      return false;
    }
    return true;
  });
  if (found) {
    const { from, to } = found;
    if (to === undefined) editor.commands.setNodeSelection(from);
    else editor.commands.setTextSelection({ from, to });
  }
  focusText(editor);
}

const isIn = (name: string) => (editor: Editor) => editor.isActive(name);

const containers = new Set(["insetText", "warningCallout", "notesToEditors", "pressContact", "blockquote"]);

/**
 * Enter on an empty last paragraph of a block (inset text, a callout, a quote) leaves the block, as
 * it leaves a list: the paragraph moves out after it.
 */
function leaveContainer(editor: Editor): boolean {
  const { $from, empty } = editor.state.selection;
  if (!empty || $from.parent.type.name !== "paragraph" || $from.parent.content.size > 0 || $from.depth < 2)
    return false;
  const container = $from.node($from.depth - 1);
  if (!containers.has(container.type.name)) return false;
  if ($from.index($from.depth - 1) !== container.childCount - 1) return false;
  return editor.commands.lift(container.type.name);
}

/** Wraps the selected paragraphs in a block, or adds an empty one where they cannot be wrapped. */
function wrapOrInsert(editor: Editor, type: string) {
  if (editor.isActive(type)) {
    editor.chain().lift(type).run();
  } else if (!editor.chain().wrapIn(type).run()) {
    editor
      .chain()
      .insertContent({ type, content: [{ type: "paragraph" }] })
      .run();
  }
}

function insert(editor: Editor, content: JSONContent) {
  editor.chain().insertContent(content).run();
}

const listItem = { type: "listItem", content: [{ type: "paragraph" }] };

type Panel = "link" | "image" | null;

function toolbarGroups(kind: string, setPanel: (panel: Panel) => void): ToolbarGroup[] {
  const heading = (level: 2 | 3 | 4) => ({
    id: `h${level}`,
    label: `Heading ${level}`,
    pressed: (e: Editor) => e.isActive("heading", { level }),
    run: (e: Editor) => e.chain().toggleHeading({ level }).run(),
  });
  const groups: ToolbarGroup[] = [
    {
      label: "Text",
      actions: [
        heading(2),
        heading(3),
        heading(4),
        {
          id: "bold",
          label: "Bold",
          shortcut: "Control+B",
          pressed: isIn("bold"),
          run: (e) => e.chain().toggleBold().run(),
        },
        {
          id: "italic",
          label: "Italic",
          shortcut: "Control+I",
          pressed: isIn("italic"),
          run: (e) => e.chain().toggleItalic().run(),
        },
        {
          id: "link",
          label: "Link",
          shortcut: "Control+K",
          pressed: isIn("link"),
          opensPanel: true,
          run: () => setPanel("link"),
        },
        {
          id: "bullets",
          label: "Bulleted list",
          pressed: isIn("bulletList"),
          run: (e) => e.chain().toggleBulletList().run(),
        },
        {
          id: "numbers",
          label: "Numbered list",
          pressed: isIn("orderedList"),
          run: (e) => e.chain().toggleOrderedList().run(),
        },
        {
          id: "quote",
          label: "Quote",
          pressed: isIn("blockquote"),
          run: (e) => e.chain().toggleBlockquote().run(),
        },
      ],
    },
    {
      label: "Blocks",
      actions: [
        {
          id: "image",
          label: "Image",
          opensPanel: true,
          run: () => setPanel("image"),
        },
        {
          id: "table",
          label: "Table",
          run: (e) => e.chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        },
        { id: "inset", label: "Inset text", pressed: isIn("insetText"), run: (e) => wrapOrInsert(e, "insetText") },
        {
          id: "warning",
          label: "Warning callout",
          pressed: isIn("warningCallout"),
          run: (e) =>
            insert(e, {
              type: "warningCallout",
              content: [
                { type: "calloutHeading", content: [{ type: "text", text: "Important" }] },
                { type: "paragraph" },
              ],
            }),
        },
        {
          id: "details",
          label: "Details",
          pressed: isIn("details"),
          run: (e) =>
            insert(e, {
              type: "details",
              content: [
                { type: "detailsSummary", content: [{ type: "text", text: "More information" }] },
                { type: "detailsContent", content: [{ type: "paragraph" }] },
              ],
            }),
        },
        {
          id: "do",
          label: "Do list",
          run: (e) => insert(e, { type: "doDontList", attrs: { kind: "do" }, content: [listItem] }),
        },
        {
          id: "dont",
          label: "Don't list",
          run: (e) => insert(e, { type: "doDontList", attrs: { kind: "dont" }, content: [listItem] }),
        },
        ...(kind === "PRESS_RELEASE"
          ? [
              {
                id: "notes",
                label: "Notes to editors",
                pressed: isIn("notesToEditors"),
                run: (e: Editor) => wrapOrInsert(e, "notesToEditors"),
              },
              {
                id: "contact",
                label: "Press contact",
                pressed: isIn("pressContact"),
                run: (e: Editor) => wrapOrInsert(e, "pressContact"),
              },
            ]
          : []),
      ],
    },
    {
      label: "Table",
      actions: [
        { id: "row", label: "Add row", shown: isIn("table"), run: (e) => e.chain().addRowAfter().run() },
        {
          id: "column",
          label: "Add column",
          shown: isIn("table"),
          run: (e) => e.chain().addColumnAfter().run(),
        },
        {
          id: "delete-row",
          label: "Delete row",
          shown: isIn("table"),
          run: (e) => e.chain().deleteRow().run(),
        },
        {
          id: "delete-column",
          label: "Delete column",
          shown: isIn("table"),
          run: (e) => e.chain().deleteColumn().run(),
        },
        {
          id: "header-row",
          label: "Header row",
          shown: isIn("table"),
          pressed: (e) => {
            const { $from } = e.state.selection;
            for (let depth = $from.depth; depth > 0; depth -= 1) {
              const node = $from.node(depth);
              if (node.type.name === "table") return node.firstChild?.firstChild?.type.name === "tableHeader";
            }
            return false;
          },
          run: (e) => e.chain().toggleHeaderRow().run(),
        },
        {
          id: "delete-table",
          label: "Delete table",
          shown: isIn("table"),
          run: (e) => e.chain().deleteTable().run(),
        },
      ],
    },
  ];
  return groups;
}
