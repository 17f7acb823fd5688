import { useEffect, useRef, useState } from "react";

// Keyboard shortcuts for the moderation queue (a JavaScript enhancement: every action is also a
// button). J and K move between comments, A approves, R rejects, S marks as spam, X selects. What
// happened is announced in the page's status region; moving announces the comment reached.
// WCAG 2.1.4: the keys act only while focus is in the list of comments (so typing or pressing keys
// anywhere else on the page never moderates), and each person can turn them off on their account page.

const keys: Record<string, string> = { a: "approve", r: "reject", s: "spam" };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "submit", "button"].includes(target.type);
}

const QUEUE_LIST = "[data-queue-list]";

function isInQueue(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(QUEUE_LIST) !== null;
}

const rows = () => Array.from(document.querySelectorAll<HTMLElement>("[data-queue-row]"));

/**
 * `rowIds`: the comments listed, so focus is restored only when the list itself changes.
 * `isEnabled`: the person's own setting; when off no key does anything and the help is not shown.
 */
export function QueueShortcuts({ rowIds, isEnabled }: { rowIds: string; isEnabled: boolean }) {
  const [announcement, setAnnouncement] = useState("");
  // The select-all button needs JavaScript, so it appears only once the page has it.
  const [isHydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // After an action the row may leave the list: focus goes to whichever row then has its place.
  const position = useRef<number | null>(null);

  useEffect(() => {
    const list = rows();
    if (position.current === null || list.length === 0 || !rowIds) return;
    list[Math.min(position.current, list.length - 1)]?.focus();
  }, [rowIds]);

  useEffect(() => {
    if (!isEnabled) return;
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || !isInQueue(event.target)) return;
      const key = event.key.toLowerCase();
      const list = rows();
      if (list.length === 0) return;
      const current = list.findIndex((row) => row.contains(document.activeElement));
      if (key === "j" || key === "k") {
        event.preventDefault();
        const next = current === -1 ? 0 : Math.max(0, Math.min(list.length - 1, current + (key === "j" ? 1 : -1)));
        const row = list[next];
        if (!row) return;
        position.current = next;
        row.focus();
        row.scrollIntoView({ block: "nearest" });
        setAnnouncement(`Comment ${next + 1} of ${list.length}, by ${row.dataset.author ?? "a reader"}`);
        return;
      }
      const row = list[current];
      if (!row) return;
      const id = row.dataset.queueRow;
      if (key === "x") {
        event.preventDefault();
        const box = row.querySelector<HTMLInputElement>('input[name="selected"]');
        if (!box) return;
        box.checked = !box.checked;
        setAnnouncement(
          `${box.checked ? "Selected" : "Unselected"} the comment by ${row.dataset.author ?? "a reader"}`,
        );
        return;
      }
      const verb = keys[key];
      const button = verb ? row.querySelector<HTMLButtonElement>(`button[value="${verb}:${id}"]`) : null;
      if (!button || button.disabled) return;
      event.preventDefault();
      position.current = current;
      button.form?.requestSubmit(button);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [isEnabled]);

  function selectAll() {
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('[data-queue-row] input[name="selected"]'));
    const check = boxes.some((box) => !box.checked);
    for (const box of boxes) box.checked = check;
    setAnnouncement(check ? `Selected all ${boxes.length} comments on this page` : "Unselected every comment");
  }

  return (
    <>
      {isHydrated && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-3"
          onClick={selectAll}
        >
          Select or unselect all on this page
        </button>
      )}
      {isEnabled ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Keyboard shortcuts</span>
          </summary>
          <div className="nhsuk-details__text">
            <p>They work while you are in the list of comments: press Tab to reach a comment&apos;s buttons first.</p>
            <ul>
              <li>J and K: next and previous comment</li>
              <li>A: approve the comment</li>
              <li>R: reject it</li>
              <li>S: mark it as spam</li>
              <li>X: select it, or unselect it, for the actions on selected comments</li>
            </ul>
            <p>
              You can turn them off on <a href="/account">your account page</a>.
            </p>
          </div>
        </details>
      ) : null}
      <p className="nhsuk-u-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
