import { toFormErrors } from "@observatory/api";
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// A resource route, so the browser receives the export as a file download rather than a page.
export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "comments.personalData" });
  const form = await args.request.formData();
  const email = textField(form, "email");
  try {
    const exported = await api.moderation.exportByEmail({ email });
    return new Response(JSON.stringify(exported, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="comments-${new Date().toISOString().slice(0, 10)}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;
    const message = errors.fieldErrors.email ?? errors.formError ?? "Enter an email address";
    return redirect(`/comments/privacy?${new URLSearchParams({ exportError: message, exportEmail: email })}`);
  }
}

export function loader() {
  return redirect("/comments/privacy");
}
