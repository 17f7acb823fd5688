import {
  ArticleContent,
  Button,
  CharacterCount,
  DocumentTitle,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  Radios,
  SummaryList,
  WarningCallout,
} from "@observatory/ui";
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { privateHeaders, refusedForm } from "~/lib/alert-pages.server";
import { api } from "~/lib/api.server";
import { orNotFound } from "~/lib/http.server";
import { documentTitle } from "~/lib/meta";

// An outside expert's fact check (decision 028), reached only through the signed link in their
// email: the draft as it will look and the answer form while the request is open, their answer once
// given, and a plain "closed" page (410) once the deadline has passed, the page has been published
// or the request withdrawn. Never cached or indexed, and the link is never sent to another site as a Referer.

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }];

// same-origin, not no-referrer: the form's POST must carry its Origin for the server's same-origin check.
export const headers: HeadersFunction = () => ({ ...privateHeaders(), "Referrer-Policy": "same-origin" });

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

async function viewOf(request: Request, context: LoaderFunctionArgs["context"], token: string) {
  const { api: caller } = await api(request, context);
  return { caller, view: await orNotFound(caller.factChecks.open({ token })) };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view } = await viewOf(request, context, params.token ?? "");
  const answered = new URL(request.url).searchParams.has("answered");
  return data({ view, answered, unsent: null }, { status: view.state === "closed" ? 410 : 200 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await request.formData();
  const values = { verdict: field(form, "verdict"), comments: field(form, "comments") };
  const { caller, view } = await viewOf(request, context, token);
  // Closed (or answered) already: that page, with what was typed, and nothing stored.
  if (view.state !== "open") return refusedAnswer(view, values);
  try {
    // The API checks the choice is one of its own (the form's words come from it, too).
    await caller.factChecks.answer({ token, ...values } as Parameters<typeof caller.factChecks.answer>[0]);
  } catch (error) {
    if ((error as { code?: string }).code === "CONFLICT") {
      return refusedAnswer((await viewOf(request, context, token)).view, values);
    }
    return refusedForm(error, values);
  }
  return redirect(`/fact-check/${token}?answered=1`, 303);
}

/** An answer that came too late (410, the closed page) or twice (409, the answer given). */
function refusedAnswer(
  view: Awaited<ReturnType<typeof viewOf>>["view"],
  unsent: { verdict: string; comments: string },
) {
  return data({ view, answered: false, unsent }, { status: view.state === "closed" ? 410 : 409 });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type View = Loaded["view"];
type ClosedView = Extract<View, { state: "closed" }>;

function Lines({ text }: { text: string }) {
  return text
    .split(/\n+/)
    .filter(Boolean)
    .map((line, i) => <p key={i}>{line}</p>);
}

function AnswerSummary({ answer }: { answer: NonNullable<View["answer"]> }) {
  return (
    <SummaryList
      rows={[
        { key: "Is it accurate?", value: answer.verdict },
        { key: "Your comments", value: answer.comments ? <Lines text={answer.comments} /> : "None" },
      ]}
    />
  );
}

function Closed({ view, unsent }: { view: ClosedView; unsent: { comments: string } | null }) {
  return (
    <>
      <DocumentTitle title={documentTitle("This fact-check request has closed")} />
      <h1>This fact-check request has closed</h1>
      <p>
        {view.requesterName} asked you to check “{view.title}” by {view.deadline}. {view.reason}
      </p>
      {unsent ? (
        <>
          <p>Your answer was not sent.</p>
          {unsent.comments.trim() && (
            <InsetText>
              <p>What you wrote, so that you can send it to {view.requesterName} another way:</p>
              <Lines text={unsent.comments} />
            </InsetText>
          )}
        </>
      ) : view.answer ? (
        <p>Your answer reached them. Thank you.</p>
      ) : (
        <p>There is nothing more to do. If you still have comments, tell {view.requesterName} another way.</p>
      )}
    </>
  );
}

function Answered({ view, answered }: { view: View; answered: boolean }) {
  return (
    <>
      <DocumentTitle title={documentTitle("Thank you for your answer")} />
      {answered && (
        <NotificationBanner variant="success" heading="Your answer has been sent">
          <p>{view.requesterName} has been told by email.</p>
        </NotificationBanner>
      )}
      <h1>Thank you for your answer</h1>
      <p>
        You answered the fact check of “{view.title}”. An answer cannot be changed: if you have more to add, tell{" "}
        {view.requesterName} another way.
      </p>
      {view.answer && <AnswerSummary answer={view.answer} />}
    </>
  );
}

export default function FactCheck() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const refused = acted && "fieldErrors" in acted ? acted : null;
  const shown = acted && "view" in acted ? acted : loaded;
  const { view } = shown;
  if (view.state === "closed") return <Closed view={view} unsent={shown.unsent} />;
  if (view.state === "answered") return <Answered view={view} answered={shown.answered} />;
  const errors = refused?.fieldErrors ?? {};
  const values = refused?.values ?? { verdict: "", comments: "" };
  const summary = [
    ...(refused?.formError ? [{ href: "#verdict", message: refused.formError }] : []),
    ...(["verdict", "comments"] as const).flatMap((name) =>
      errors[name] ? [{ href: `#${name}`, message: errors[name] }] : [],
    ),
  ];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DocumentTitle title={documentTitle(`Fact check: ${view.title}`, summary.length > 0)} />
        {/* Public pages run no React in the browser: the summary takes focus as the page loads. */}
        <ErrorSummary errors={summary} autoFocus />
        <WarningCallout heading="Fact check: this page is not published">
          <p>
            {view.requesterName} at the NHS Race and Health Observatory asks you to check the facts of this draft before
            it is published. Please answer by the end of {view.deadline}, UK time. Their message:
          </p>
          <Lines text={view.message} />
        </WarningCallout>
        <article>
          <ArticleContent item={view.article} />
        </article>
        <h2 id="your-answer">Your answer</h2>
        <p>You are answering as {view.email}. You can answer once.</p>
        <Form method="post" noValidate aria-labelledby="your-answer">
          <Radios
            idPrefix="verdict"
            name="verdict"
            legend="Is the page accurate?"
            items={view.verdicts}
            defaultValue={values.verdict}
            error={errors.verdict}
          />
          <CharacterCount
            id="comments"
            name="comments"
            label="Your comments"
            hint="Needed if it needs corrections. Name the paragraph or figure, and what it should say."
            maxLength={view.maxComments}
            rows={8}
            defaultValue={values.comments}
            error={errors.comments}
          />
          <Button>Send your answer</Button>
        </Form>
      </div>
    </div>
  );
}
