import type { Editor } from "@tiptap/core";

/**
 * Gives the text the focus now. tiptap's focus command moves it a frame later, and a key pressed
 * in that moment (a fast typist, a screen reader's keys) would reach the button or panel that
 * still has it, not the text.
 */
export function focusText(editor: Editor) {
  if (!editor.isDestroyed) editor.view.focus();
}
