import { Breadcrumbs, Button, DocumentTitle, ErrorSummary, Textarea, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { refusedForm } from "~/lib/alert-pages.server";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { orNotFound } from "~/lib/http.server";
import { documentTitle, pageMeta } from "~/lib/meta";

// "Request an accessible format" of a publication's document (decision 029): a plain form that
// mails the organisation's inbox, then a confirmation page.

const TITLE = "Request an accessible format";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const subject = await orNotFound(
    caller.publications.formatRequestSubject({ itemSlug: params.slug ?? "", originId: params.originId ?? "" }),
  );
  return { ...subject, path: new URL(request.url).pathname, siteUrl: siteUrl() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? pageMeta({
        title: TITLE,
        description: `Ask for ${data.attachment.title} in another format.`,
        path: data.path,
        siteUrl: data.siteUrl,
      })
        .filter((descriptor) => !("title" in descriptor))
        .concat([{ name: "robots", content: "noindex" }])
    : [];

export const headers = publicHeaders;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = {
    email: String(form.get("email") ?? ""),
    format: String(form.get("format") ?? ""),
    assistiveTechnology: String(form.get("assistiveTechnology") ?? ""),
  };
  const { api: caller } = await api(request, context);
  const itemSlug = params.slug ?? "";
  const originId = params.originId ?? "";
  try {
    await caller.publications.requestFormat({ itemSlug, originId, ...values });
  } catch (error) {
    return refusedForm(error, values);
  }
  return redirect(`/publications/${itemSlug}/request-format/${originId}/sent`, 303);
}

const fields = [
  ["email", "request-email"],
  ["format", "request-format"],
  ["assistiveTechnology", "request-assistive-technology"],
] as const;

export default function RequestFormat() {
  const { publication, attachment } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const fieldErrors: Record<string, string> | undefined = refused?.fieldErrors;
  const summary = [
    ...(refused?.formError ? [{ href: "#request-email", message: refused.formError }] : []),
    ...fields.flatMap(([field, id]) => {
      const message = fieldErrors?.[field];
      return message ? [{ href: `#${id}`, message }] : [];
    }),
  ];
  return (
    <>
      <DocumentTitle title={documentTitle(TITLE, Boolean(refused))} />
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/publications", label: "Publications" },
          { href: publication.path, label: publication.title },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} autoFocus />
          <h1>{TITLE}</h1>
          <p className="nhsuk-lede-text">
            If you cannot use “{attachment.title}” from <a href={publication.path}>{publication.title}</a>, we can send
            it to you in another format, such as accessible PDF, large print, easy read, audio or braille.
          </p>
          <p>
            We will reply by email, usually within 15 working days. We use your email address only to answer this
            request.
          </p>
          <Form method="post" noValidate>
            <TextInput
              id="request-email"
              name="email"
              type="email"
              label="Your email address"
              autoComplete="email"
              spellCheck={false}
              width={30}
              error={fieldErrors?.email}
              defaultValue={refused?.values.email}
            />
            <Textarea
              id="request-format"
              name="format"
              label="What format do you need?"
              hint="For example, large print in 18 point type, or a document that works with a screen reader"
              rows={4}
              error={fieldErrors?.format}
              defaultValue={refused?.values.format}
            />
            <TextInput
              id="request-assistive-technology"
              name="assistiveTechnology"
              label="What assistive technology do you use? (optional)"
              hint="For example, a screen reader or screen magnifier, and its name"
              error={fieldErrors?.assistiveTechnology}
              defaultValue={refused?.values.assistiveTechnology}
            />
            <Button>Send request</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
