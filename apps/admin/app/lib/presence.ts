// Who else has a content item open in the editor, kept fresh while the page is open (an
// enhancement: without scripts the page shows who was there when it loaded).
import { createApiClient, createUnloadApiClient } from "@observatory/api/client";
import { useEffect, useRef, useState } from "react";

const PRESENCE_INTERVAL_MS = 20_000;

type Presence = { seenAt: string; others: string[] };

/**
 * The names of the others editing `itemId`, asked again every 20 s. A failed check changes nothing
 * (it does not mean they have gone). Leaving the page takes the user off the list at once, instead
 * of when their last check runs out a minute later.
 */
export function useOthersEditing(itemId: string, loaded: Presence): string[] {
  const [checked, setChecked] = useState<(Presence & { itemId: string }) | null>(null);
  // The newer of the page's data (its loader checks in too, after each save) and the last check of
  // this item. ISO times in one format compare as text.
  const current = checked?.itemId === itemId && checked.seenAt > loaded.seenAt ? checked : loaded;
  // When this page last checked in: leaving does not undo a later check from another page of theirs.
  const seenAt = useRef(current.seenAt);
  seenAt.current = current.seenAt;
  useEffect(() => {
    const client = createApiClient();
    const leaving = createUnloadApiClient();
    const timer = setInterval(() => {
      client.editorial.presence
        .mutate({ itemId })
        .then((present) => setChecked({ itemId, seenAt: present.seenAt, others: present.others.map((p) => p.name) }))
        .catch(() => {});
    }, PRESENCE_INTERVAL_MS);
    const leave = () => {
      leaving.editorial.leave.mutate({ itemId, seenAt: seenAt.current }).catch(() => {});
    };
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [itemId]);
  return current.others;
}
