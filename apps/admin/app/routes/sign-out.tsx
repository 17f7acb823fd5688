import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { api } from "~/lib/api.server";

// Signing out is a POST (the header's sign-out button): a link or a prefetch must not sign anyone out.
export const loader = () => redirect("/");

export async function action({ request, context }: ActionFunctionArgs) {
  const { api: caller, responseHeaders } = await api(request, context);
  await caller.auth.signOut();
  return redirect("/sign-in?notice=signed-out", { headers: responseHeaders });
}
