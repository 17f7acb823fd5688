import type { Editor } from "@tiptap/core";

/**
 * Gives the text the focus now, and scrolls its selection into view. The editor's commands run
 * without tiptap's own focus command, which moves the focus a frame later: a key pressed in that
 * moment went to the button or panel that still had it, and a move made in it (Alt+F10 to the
 * toolbar) was undone when the frame came.
 */
export function focusText(editor: Editor) {
  if (editor.isDestroyed) return;
  editor.view.focus();
  editor.commands.scrollIntoView();
}
