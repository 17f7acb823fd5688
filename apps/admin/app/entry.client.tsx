import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";

// Remix's own client entry, and one thing more: leaving a page while its data is being revalidated
// (after a save, say) aborts that request, and the router reports the abort as an uncaught error
// (remix-run/react-router#14203). Nothing failed; it is kept out of the console. Any other error
// is reported as before.
window.addEventListener("unhandledrejection", (event) => {
  if (event.reason instanceof DOMException && event.reason.name === "AbortError") event.preventDefault();
});

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
