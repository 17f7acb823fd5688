/**
 * The page's title, rendered by the page itself (React hoists it into the head) rather than by a
 * route's `meta`, which cannot see an action's answer: a page showing errors is titled "Error: …",
 * with or without JavaScript, as the NHS.UK and GOV.UK error patterns ask.
 */
export function DocumentTitle({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  return <title>{hasErrors ? `Error: ${title}` : title}</title>;
}
