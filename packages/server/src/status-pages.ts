// What the server says when it answers instead of the app: a request it will not pass on, or an app
// that cannot answer. Each app renders these in its own look (its entry's renderStatusPage).

export type StatusPageContent = { title: string; paragraphs: string[] };

export type StatusCode = 400 | 403 | 404 | 405 | 413 | 415 | 500 | 503;

const kilobytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;

export function statusPageContent(status: StatusCode, facts: { limitBytes?: number } = {}): StatusPageContent {
  switch (status) {
    case 400:
      return {
        title: "Sorry, this address is not right",
        paragraphs: ["The web address or what was sent with it could not be read. Check it and try again."],
      };
    case 403:
      return {
        title: "This request was refused",
        paragraphs: [
          "It did not come from a page of this site, so nothing was changed.",
          "Go back to the page, reload it, and try again.",
        ],
      };
    case 404:
      return {
        title: "Page not found",
        paragraphs: [
          "If you typed the web address, check it is correct.",
          "If you pasted it, check you copied all of it.",
        ],
      };
    case 405:
      return {
        title: "This page cannot be used that way",
        paragraphs: ["Open the page in your browser and use its own buttons and forms."],
      };
    case 413:
      return {
        title: "What you sent is too large",
        paragraphs: [
          `This page accepts up to ${kilobytes(facts.limitBytes ?? 0)}. Nothing was saved.`,
          "Go back, make it shorter or smaller, and try again.",
        ],
      };
    case 415:
      return {
        title: "This page only accepts its own forms",
        paragraphs: ["What was sent was not a form from this site, so nothing was changed."],
      };
    case 503:
      return {
        title: "Sorry, the service is unavailable",
        paragraphs: [
          "You will be able to use the service again shortly.",
          "If you were sending a form, it was not saved: go back and send it again in a minute.",
        ],
      };
    default:
      return {
        title: "Sorry, there is a problem with the service",
        paragraphs: ["Try again later."],
      };
  }
}
