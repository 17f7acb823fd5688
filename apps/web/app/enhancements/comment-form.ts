// The comment form on articles: a live character count, the error summary's links and focus, and
// sending without leaving the page. The form posts to the article as it does without JavaScript,
// and the comments section of the page that comes back (with its errors, or with the
// thank-you banner and an empty form) takes the place of this one.
import { CharacterCount } from "nhsuk-frontend/dist/nhsuk/components/character-count/character-count.mjs";
import { ErrorSummary } from "nhsuk-frontend/dist/nhsuk/components/error-summary/error-summary.mjs";
import { NotificationBanner } from "nhsuk-frontend/dist/nhsuk/components/notification-banner/notification-banner.mjs";
import { enhanceAll } from "./enhance-all";

const SECTION_ID = "comments";

function enhance(scope: ParentNode): void {
  // The summary and the banner move focus to themselves, as on a page load.
  enhanceAll(scope, ErrorSummary);
  enhanceAll(scope, NotificationBanner);
  enhanceAll(scope, CharacterCount);
  scope.querySelector<HTMLFormElement>("#comment-form form")?.addEventListener("submit", send);
}

async function send(event: SubmitEvent): Promise<void> {
  const form = event.currentTarget as HTMLFormElement;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  event.preventDefault();
  if (button?.disabled) return;
  if (button) {
    button.disabled = true;
    button.textContent = "Sending comment";
  }
  const body = new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)]));
  let response: Response;
  try {
    response = await fetch(form.action, { method: "POST", body });
  } catch {
    // No answer (offline): send it the ordinary way, so that the browser says what went wrong.
    form.submit();
    return;
  }
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const fresh = page.getElementById(SECTION_ID);
  const current = document.getElementById(SECTION_ID);
  if (!fresh || !current) {
    // Not an article (a status page such as 503): show it, as a page load would have.
    document.documentElement.replaceWith(document.adoptNode(page.documentElement));
    return;
  }
  current.replaceWith(document.adoptNode(fresh));
  document.title = page.title;
  if (response.redirected) {
    const sent = new URL(response.url);
    history.replaceState(null, "", `${sent.pathname}${sent.search}#comment-status`);
  }
  enhance(fresh);
}

enhance(document);
