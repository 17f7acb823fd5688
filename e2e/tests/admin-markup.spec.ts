import { createComment, createItem } from "@observatory/db/testing";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { headingLevels, headingProblems } from "./heading-outline";
import { describeNuErrors, nuErrors } from "./nu-check";
import { removeItems, signInAs, uploadImage } from "./staff-helpers";

// Every kind of admin page, as the server sends it, passes the Nu HTML Checker with no error, and its
// headings nest. The pages are fetched first, then checked in one run of the checker.

const run = Date.now().toString(36);
const slugPrefix = `e2e-markup-${run}`;
const imageTitle = `Markup check ${run}`;

test.afterAll(async () => {
  await removeItems([`${slugPrefix}%`]);
  await withDb((db) => db.media.deleteMany({ where: { title: { startsWith: imageTitle } } }));
});

/** The records the pages below are about: demo content where the seed has it, made here where not. */
type Ids = {
  item: string;
  withdrawn: string;
  /** A publication with an HTML publication attached. */
  publication: { id: string; html: string };
  revisions: { from: string; to: string };
  inReview: string;
  approved: string;
  comment: string;
  media: string;
  user: string;
  workflow: string;
  group: string;
};

/** A page to check: what a person signed in as `as` (or no one) is sent for this request. */
type PageRequest = {
  name: string;
  as: "admin" | "author" | "anonymous";
  path: string;
  /** A form to post instead of a GET: the page that answers a bad submission. */
  form?: Record<string, string>;
  /** The status the page is sent with (200 unless given). */
  status?: number;
  /** Redirects it takes on the way to the page (none unless given: an unexpected one is a wrong entry). */
  redirects?: number;
};

/**
 * One entry per kind of admin page (every route in apps/admin/app/routes that renders one): lists,
 * forms, each subpage of a content item, the sign-in and account pages, error pages, and forms
 * answering a bad submission with their error summary. A new route gets a line here.
 */
function adminPages(ids: Ids): PageRequest[] {
  const item = `/content/${ids.item}`;
  return [
    { name: "dashboard", as: "admin", path: "/" },
    { name: "accessibility statement", as: "admin", path: "/accessibility" },
    { name: "content list", as: "admin", path: "/content" },
    { name: "content list, searched", as: "admin", path: `/content?q=${run}` },
    { name: "new content", as: "admin", path: "/content/new" },
    { name: "new content, refused", as: "admin", path: "/content/new", form: { intent: "save" }, status: 400 },
    { name: "bulk changes", as: "admin", path: "/content/bulk" },
    { name: "reviews due", as: "admin", path: "/content/review-due" },
    { name: "review settings", as: "admin", path: "/content/review-settings" },
    { name: "published without review", as: "admin", path: "/content/published-without-review" },
    { name: "publishing settings", as: "admin", path: "/content/publishing-settings" },
    { name: "content editor", as: "admin", path: item },
    { name: "content editor, refused", as: "admin", path: item, form: { intent: "save" }, status: 400 },
    { name: "archive", as: "admin", path: `${item}/archive` },
    { name: "archive, refused", as: "admin", path: `${item}/archive`, form: { reason: "" }, status: 400 },
    { name: "withdraw", as: "admin", path: `${item}/withdraw` },
    { name: "withdraw, refused", as: "admin", path: `${item}/withdraw`, form: { reason: "" }, status: 400 },
    { name: "a withdrawn item", as: "admin", path: `/content/${ids.withdrawn}` },
    { name: "content list, withdrawn", as: "admin", path: "/content?status=withdrawn" },
    { name: "attachments", as: "admin", path: `/content/${ids.publication.id}/attachments` },
    {
      name: "attachments, refused upload",
      as: "admin",
      path: `/content/${ids.publication.id}/attachments`,
      form: { intent: "upload", title: "" },
      status: 400,
    },
    { name: "new HTML publication", as: "admin", path: `/content/${ids.publication.id}/html-publication` },
    {
      name: "HTML publication",
      as: "admin",
      path: `/content/${ids.publication.id}/html-publication?originId=${ids.publication.html}`,
    },
    { name: "item comments", as: "admin", path: `${item}/comments` },
    {
      name: "compare revisions",
      as: "admin",
      path: `${item}/compare?from=${ids.revisions.from}&to=${ids.revisions.to}`,
    },
    { name: "preview", as: "admin", path: `${item}/preview` },
    { name: "publish", as: "admin", path: `/content/${ids.approved}/publish` },
    { name: "publish without review", as: "admin", path: `/content/${ids.inReview}/publish` },
    { name: "review after publication", as: "admin", path: `${item}/reviewed-after-publication` },
    { name: "item review date", as: "admin", path: `${item}/review-due` },
    { name: "review", as: "admin", path: `/content/${ids.inReview}/review` },
    { name: "revisions", as: "admin", path: `${item}/revisions` },
    { name: "fact checks", as: "admin", path: `${item}/fact-checks` },
    {
      name: "fact checks, refused",
      as: "admin",
      path: `${item}/fact-checks`,
      form: { intent: "send", emails: "not an address" },
      status: 400,
    },
    { name: "moderation queue", as: "admin", path: "/comments" },
    {
      name: "moderation queue, as a table",
      as: "admin",
      path: "/comments",
      form: { intent: "view", view: "TABLE", pageSize: "25" },
    },
    { name: "moderation queue, trash", as: "admin", path: "/comments?status=TRASH" },
    {
      name: "moderation queue, as cards",
      as: "admin",
      path: "/comments",
      form: { intent: "view", view: "CARDS", pageSize: "25" },
    },
    { name: "empty the trash", as: "admin", path: "/comments/empty?status=TRASH" },
    { name: "comment", as: "admin", path: `/comments/${ids.comment}` },
    { name: "comment privacy", as: "admin", path: "/comments/privacy" },
    { name: "comment settings", as: "admin", path: "/comments/settings" },
    { name: "media library", as: "admin", path: "/media" },
    { name: "upload an image", as: "admin", path: "/media/upload" },
    { name: "edit an image", as: "admin", path: `/media/${ids.media}/edit` },
    { name: "workflows", as: "admin", path: "/workflows" },
    { name: "new workflow", as: "admin", path: "/workflows/new" },
    { name: "new workflow, refused", as: "admin", path: "/workflows/new", form: {}, status: 400 },
    { name: "workflow", as: "admin", path: `/workflows/${ids.workflow}` },
    { name: "review groups", as: "admin", path: "/workflows/groups" },
    { name: "new review group", as: "admin", path: "/workflows/groups/new" },
    { name: "review group", as: "admin", path: `/workflows/groups/${ids.group}` },
    { name: "users", as: "admin", path: "/users" },
    { name: "invite a user", as: "admin", path: "/users/invite" },
    { name: "invite a user, refused", as: "admin", path: "/users/invite", form: {}, status: 400 },
    { name: "user", as: "admin", path: `/users/${ids.user}` },
    { name: "change a user's details", as: "admin", path: `/users/${ids.user}/edit` },
    { name: "delete a user", as: "admin", path: `/users/${ids.user}/delete` },
    { name: "disable users, confirm", as: "admin", path: "/users/bulk", form: { selected: ids.user } },
    { name: "disable users, refused", as: "admin", path: "/users/bulk", form: {} },
    { name: "email alert subscribers", as: "admin", path: "/alerts" },
    {
      name: "email alert subscribers, an address looked up",
      as: "admin",
      path: "/alerts",
      form: { intent: "find", email: "nobody@example.org" },
    },
    {
      name: "email alert subscribers, lookup refused",
      as: "admin",
      path: "/alerts",
      form: { intent: "find", email: "not an address" },
      status: 400,
    },
    { name: "audit log", as: "admin", path: "/audit" },
    { name: "audit log, searched", as: "admin", path: "/audit?q=markup" },
    { name: "audit log, search refused", as: "admin", path: "/audit?q=x", status: 400 },
    { name: "account", as: "admin", path: "/account" },
    { name: "change password", as: "admin", path: "/account/password" },
    { name: "change password, refused", as: "admin", path: "/account/password", form: {}, status: 400 },
    { name: "authenticator app", as: "admin", path: "/account/authenticator" },
    // It first redirects to itself with its new secret sealed in the address.
    { name: "set up an authenticator app", as: "admin", path: "/account/authenticator/set-up", redirects: 1 },
    { name: "security settings", as: "admin", path: "/settings/security" },
    { name: "organisation settings", as: "admin", path: "/settings/organisation" },
    {
      name: "organisation settings, refused",
      as: "admin",
      path: "/settings/organisation",
      form: { enquiriesEmail: "not an address" },
      status: 400,
    },
    { name: "page not found", as: "admin", path: `/content/${run}`, status: 404 },
    { name: "address not found", as: "admin", path: `/no-such-page-${run}`, status: 404 },
    { name: "permission refused", as: "author", path: "/users", status: 403 },
    { name: "sign in", as: "anonymous", path: "/sign-in" },
    {
      name: "sign in, refused",
      as: "anonymous",
      path: "/sign-in",
      // An address with no account, so that no demo account's sign-in throttle counts the failure.
      form: { email: `nobody-${run}@observatory.test`, password: "not-a-passphrase" },
      status: 400,
    },
    { name: "reset a password", as: "anonymous", path: "/password-reset" },
    { name: "password reset link not valid", as: "anonymous", path: `/password-reset/${run}` },
    { name: "invitation link not valid", as: "anonymous", path: `/invitations/${run}` },
    { name: "email change link not valid", as: "anonymous", path: `/email-change/${run}` },
  ];
}

/** Fetches the page as its entry says: a GET, or a same-origin POST of its form. */
async function fetchPage(request: APIRequestContext, page: PageRequest): Promise<APIResponse> {
  const url = `${urls.admin}${page.path}`;
  const maxRedirects = page.redirects ?? 0;
  return page.form
    ? request.post(url, { form: page.form, headers: { origin: urls.admin }, maxRedirects })
    : request.get(url, { maxRedirects });
}

async function recordIds(): Promise<Omit<Ids, "media">> {
  return withDb(async (db) => {
    const authorId = await userIdOf(db, "author@observatory.test");
    const editorId = await userIdOf(db, "editor@observatory.test");
    const item = await createItem(db, {
      slug: `${slugPrefix}-edited`,
      authorId,
      live: { title: `Markup check ${run}` },
      pending: { title: `Markup check ${run}, revised` },
    });
    await createComment(db, { itemId: item.id, status: "PENDING", body: `A comment to moderate ${run}.` });
    const withdrawn = await createItem(db, {
      slug: `${slugPrefix}-withdrawn`,
      authorId,
      live: { title: `Withdrawn ${run}` },
    });
    await db.contentItem.update({
      where: { id: withdrawn.id },
      data: { withdrawnAt: new Date(), withdrawalReason: "Out of date.", withdrawalReplacementPath: "/news" },
    });
    const inReview = await createItem(db, {
      slug: `${slugPrefix}-in-review`,
      authorId,
      pending: { title: `Markup check in review ${run}` },
    });
    const approved = await createItem(db, {
      slug: `${slugPrefix}-approved`,
      authorId,
      status: "APPROVED",
      pending: { title: `Markup check approved ${run}` },
    });
    await db.revision.update({
      where: { id: approved.pendingId ?? "" },
      data: { approvedAt: new Date(), approvedById: editorId },
    });
    const comment = await db.comment.findFirstOrThrow({ where: { itemId: item.id }, select: { id: true } });
    // A fact check with one expert answered and one waiting (their links are not needed here).
    await db.factCheckRequest.create({
      data: {
        itemId: item.id,
        revisionId: item.pendingId ?? "",
        requestedById: authorId,
        message: "Check the figures in the second paragraph.",
        closesAt: new Date(Date.now() + 7 * 86_400_000),
        recipients: {
          create: [
            { email: `waiting-${run}@example.org`, tokenHash: `markup-waiting-${run}` },
            {
              email: `answered-${run}@example.org`,
              tokenHash: `markup-answered-${run}`,
              answeredAt: new Date(),
              verdict: "CORRECTIONS",
              comments: "The second figure is from 2023.\nThe source is the annual survey.",
            },
          ],
        },
      },
    });
    const publication = await createItem(db, {
      kind: "PUBLICATION",
      slug: `${slugPrefix}-publication`,
      authorId,
      pending: { title: `Markup check publication ${run}` },
    });
    const html = `markup${run}`;
    await db.attachment.create({
      data: {
        revisionId: publication.pendingId ?? "",
        originId: html,
        position: 0,
        title: "Full text",
        format: "HTML",
        slug: "full-text",
        document: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] },
        isAccessible: true,
      },
    });
    return {
      item: item.id,
      withdrawn: withdrawn.id,
      publication: { id: publication.id, html },
      revisions: { from: item.liveId ?? "", to: item.pendingId ?? "" },
      inReview: inReview.id,
      approved: approved.id,
      comment: comment.id,
      user: authorId,
      workflow: (await db.workflow.findFirstOrThrow({ select: { id: true } })).id,
      group: (await db.reviewGroup.findFirstOrThrow({ select: { id: true } })).id,
    };
  });
}

test("every kind of admin page passes the Nu HTML Checker and its headings nest", async ({
  browser,
  page,
  playwright,
}) => {
  test.setTimeout(180_000);
  const recorded = await recordIds();
  await signInAs(page, "admin");
  await uploadImage(page, { title: imageTitle, alt: "A blue field with a yellow block" });
  const media = await withDb((db) => db.media.findFirstOrThrow({ where: { title: imageTitle }, select: { id: true } }));
  const pages = adminPages({ ...recorded, media: media.id });

  const authorContext = await browser.newContext();
  await signInAs(await authorContext.newPage(), "author");
  const anonymous = await playwright.request.newContext();
  const requestFor = { admin: page.request, author: authorContext.request, anonymous };

  // One at a time: fifty pages at once wait longer for the embedded database's pool than it allows.
  const responses: { name: string; html: string; status: number; expected: number }[] = [];
  for (const entry of pages) {
    const response = await fetchPage(requestFor[entry.as], entry);
    const name = `${entry.name} (${entry.path})`;
    responses.push({ name, html: await response.text(), status: response.status(), expected: entry.status ?? 200 });
  }
  await authorContext.close();
  await anonymous.dispose();
  const wrongStatus = responses.flatMap((r) => (r.status === r.expected ? [] : [`${r.name}: ${r.status}`]));
  expect.soft(wrongStatus, "pages not sent with the status their entry expects").toEqual([]);

  const [errors, levels] = await Promise.all([nuErrors(responses), headingLevels(browser, responses)]);
  expect.soft(describeNuErrors(errors), "Nu HTML Checker errors").toEqual([]);
  const outlineProblems = responses.flatMap((checked, index) =>
    headingProblems(levels[index] ?? []).map((problem) => `${checked.name}: ${problem}`),
  );
  expect(outlineProblems, "headings that do not nest").toEqual([]);
});
