import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { api } from "~/lib/api.server";

// The List-Unsubscribe address of every alert email (RFC 8058). Mail providers POST
// "List-Unsubscribe=One-Click" to it from their own servers, with no session and another origin:
// the server lets this one path through its same-origin check (packages/server/src/request-rules.ts),
// and as a resource route it is outside Remix's own check of page actions. A POST unsubscribes at
// once, whatever its body; a GET (a mail program opening the address) only goes to the page with
// the button, so that a link scanner unsubscribes nobody.

export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/alerts/unsubscribe/${params.token ?? ""}`, 303);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api: caller } = await api(request, context);
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  try {
    await caller.alerts.unsubscribe({ token: params.token ?? "" });
  } catch (error) {
    if ((error as { code?: string }).code !== "NOT_FOUND") throw error;
    return new Response("This unsubscribe link is not one of ours.\n", { status: 404, headers });
  }
  return new Response("You have unsubscribed from email alerts.\n", { status: 200, headers });
}
