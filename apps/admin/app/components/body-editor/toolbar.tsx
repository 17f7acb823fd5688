import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { type KeyboardEvent, type RefObject, useRef, useState } from "react";
import { focusText } from "./focus-text";

// The editor's toolbar: one tab stop, arrow keys move between its buttons (the WAI-ARIA toolbar
// pattern), Escape goes back to the text. Alt+F10 or Escape in the text comes here.

export type ToolbarAction = {
  id: string;
  label: string;
  /** Shown after the label for screen readers and as a tooltip: the keyboard shortcut. */
  shortcut?: string;
  /** For buttons that switch something on and off (bold, a heading level). */
  pressed?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  /** Opens a panel that takes the focus itself (a link, an image), instead of going back to the text. */
  opensPanel?: boolean;
  /** Hidden when this is false (the table's own tools appear inside a table). */
  shown?: (editor: Editor) => boolean;
};

export type ToolbarGroup = { label: string; actions: ToolbarAction[] };

type Props = {
  editor: Editor;
  groups: ToolbarGroup[];
  toolbarRef: RefObject<HTMLDivElement | null>;
  controls: string;
};

export function Toolbar({ editor, groups, toolbarRef, controls }: Props) {
  // Re-render when the selection moves, so pressed states and the table tools follow it.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      groups
        .flatMap((g) => g.actions.map((a) => `${a.pressed?.(e) ? 1 : 0}${a.shown ? (a.shown(e) ? 1 : 0) : 1}`))
        .join(""),
  });
  const visible = groups
    .map((g) => ({ ...g, actions: g.actions.filter((a) => !a.shown || a.shown(editor)) }))
    .filter((g) => g.actions.length > 0);
  const flat = visible.flatMap((g) => g.actions);
  const [active, setActive] = useState(0);
  const current = Math.min(active, flat.length - 1);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function move(to: number) {
    const next = (to + flat.length) % flat.length;
    setActive(next);
    buttons.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "ArrowRight" || event.key === "ArrowDown") move(current + 1);
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") move(current - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(flat.length - 1);
    else if (event.key === "Escape") focusText(editor);
    else return;
    event.preventDefault();
  }

  let index = -1;
  return (
    <div
      className="observatory-editor-toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-controls={controls}
      ref={toolbarRef}
      onKeyDown={onKeyDown}
      data-state={state}
    >
      {visible.map((group) => (
        // biome-ignore lint/a11y/useSemanticElements: a group inside a toolbar, as the ARIA pattern has it
        <div key={group.label} role="group" aria-label={group.label} className="observatory-editor-toolbar__group">
          {group.actions.map((action) => {
            index += 1;
            const mine = index;
            const pressed = action.pressed?.(editor);
            return (
              <button
                key={action.id}
                type="button"
                ref={(el) => {
                  buttons.current[mine] = el;
                }}
                className="observatory-editor-toolbar__button"
                tabIndex={mine === current ? 0 : -1}
                aria-pressed={action.pressed ? Boolean(pressed) : undefined}
                aria-keyshortcuts={action.shortcut}
                title={action.shortcut ? `${action.label} (${action.shortcut})` : undefined}
                onFocus={() => setActive(mine)}
                onClick={() => {
                  action.run(editor);
                  if (!action.opensPanel) focusText(editor);
                }}
              >
                {action.label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
