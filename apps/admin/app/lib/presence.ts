// Who else has a content item open in the editor, kept fresh while the page is open (an
// enhancement: without scripts the page shows who was there when it loaded).
import { createApiClient, createUnloadApiClient } from "@observatory/api/client";
import { useEffect, useRef, useState } from "react";

const PRESENCE_INTERVAL_MS = 20_000;

/**
 * The names of the others editing `itemId`, asked again every 20 s. A failed check changes nothing
 * (it does not mean they have gone). Leaving the page takes the user off the list at once, instead
 * of when their last check runs out a minute later.
 */
export function useOthersEditing(itemId: string, initial: { seenAt: string; others: string[] }): string[] {
  const [others, setOthers] = useState(initial.others);
  // When this page last checked in: leaving does not undo a later check from another page of theirs.
  const seenAt = useRef(initial.seenAt);
  useEffect(() => {
    seenAt.current = initial.seenAt;
    setOthers(initial.others);
  }, [initial.seenAt, initial.others]);
  useEffect(() => {
    const client = createApiClient();
    const leaving = createUnloadApiClient();
    const timer = setInterval(() => {
      client.editorial.presence
        .mutate({ itemId })
        .then((present) => {
          seenAt.current = present.seenAt;
          setOthers(present.others.map((p) => p.name));
        })
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
  return others;
}
