import { gzipSync } from "node:zlib";
import { createComment } from "@observatory/db/testing";
import type { APIRequestContext, APIResponse, Browser, Response } from "@playwright/test";
import { expect, test } from "../fixtures";
import { urls } from "../playwright.config";
import { headingLevels, headingProblems } from "./heading-outline";
import { describeNuErrors, nuErrors } from "./nu-check";
import { factCheckLinkFor, sendFactCheckRequest } from "./fact-check-helpers";
import { deleteItems, insertItems, keepOnlySeedContent, withDb } from "./public-helpers";
import { signInAs } from "./staff-helpers";

// Every kind of public page, as the server sends it, is one complete document that passes the Nu
// HTML Checker with no error, with headings that nest (decision 019 for the admin, 023 here); and
// in a browser with JavaScript on, each loads nothing from another site and at most 15 KB of
// JavaScript (gzip, every file it loads).

const run = Date.now().toString(36);
const closedSlug = `e2e-markup-closed-${run}`;
const withdrawnSlug = `e2e-markup-withdrawn-${run}`;
const removedSlug = `e2e-markup-removed-${run}`;
const publication = `/publications/e2e-markup-publication-${run}`;
const csvId = `markupcsv${run}`;
const JS_BUDGET = 15 * 1024;

let ids: string[] = [];
test.beforeAll(async ({ browser, request }) => {
  await keepOnlySeedContent();
  // Twelve older items on Mental health make its priority page, and the news listing, two pages.
  ids = await insertItems([
    ...Array.from({ length: 12 }, (_, i) => ({
      slug: `e2e-markup-${run}-${i + 1}`,
      title: `Markup archive item ${i + 1}`,
      publishedAt: new Date(Date.UTC(2020, 0, i + 1, 9)),
      workstreams: ["mental-health"],
    })),
    { slug: closedSlug, title: "Comments closed after a discussion", commentsOpen: false },
    { slug: withdrawnSlug, title: "Advice that no longer applies" },
    { slug: removedSlug, title: "Published in error" },
    { slug: `e2e-markup-publication-${run}`, title: "A report with documents", kind: "PUBLICATION" },
  ]);
  await withDb(async (db) => {
    // Withdrawn (a banner) and unpublished (410 Gone), as the editorial actions leave them.
    await db.contentItem.update({
      where: { slug: withdrawnSlug },
      data: { withdrawnAt: new Date(), withdrawalReason: "The programme ended.", withdrawalReplacementPath: "/news" },
    });
    await db.contentItem.update({
      where: { slug: removedSlug },
      data: {
        status: "ARCHIVED",
        archivedAt: new Date(),
        liveRevisionId: null,
        liveSince: null,
        removalReason: "It was published by mistake.",
      },
    });
    const item = await db.contentItem.findUniqueOrThrow({ where: { slug: closedSlug } });
    await createComment(db, { itemId: item.id, status: "APPROVED", body: "A comment from before they closed." });
    // The report's documents: an HTML publication and a CSV that may not be accessible.
    const report = await db.contentItem.findUniqueOrThrow({ where: { id: ids.at(-1) ?? "" } });
    const heading = (text: string) => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
    const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
    await db.attachment.createMany({
      data: [
        {
          revisionId: report.liveRevisionId ?? "",
          originId: `markuphtml${run}`,
          position: 0,
          title: "The report in full",
          format: "HTML",
          slug: "full-text",
          isAccessible: true,
          document: {
            type: "doc",
            content: [
              heading("Findings"),
              paragraph("What we found."),
              heading("Next steps"),
              paragraph("What comes next."),
            ],
          },
        },
        {
          revisionId: report.liveRevisionId ?? "",
          originId: csvId,
          position: 1,
          title: "Data tables",
          format: "CSV",
          storageKey: `${"0".repeat(16)}${run.padStart(8, "0").slice(-8)}.csv`,
          fileName: "tables.csv",
          byteSize: 2048,
        },
      ],
    });
  });
  publicPages.push(...(await factCheckPages(browser, request)));
});
test.afterAll(async () => {
  await deleteItems(ids);
});

type PageRequest = {
  name: string;
  path: string;
  /** A comment form to post: the page that answers a refused comment. */
  form?: Record<string, string>;
  status?: number;
};

const experts = "/blogs/recognising-the-experts-in-our-midst";

/** One entry per kind of public page (each route in apps/web/app/routes that renders one). */
const publicPages: PageRequest[] = [
  { name: "home", path: "/" },
  { name: "priorities", path: "/priorities" },
  { name: "a priority", path: "/priorities/mental-health" },
  { name: "a priority, page 2", path: "/priorities/mental-health?page=2" },
  { name: "news", path: "/news" },
  { name: "news, page 2", path: "/news?page=2" },
  { name: "news, filtered by priority and year", path: "/news?workstream=mental-health&year=2020" },
  { name: "blogs", path: "/blogs" },
  { name: "press releases, from a year", path: "/press-releases?year=2023" },
  { name: "news article", path: "/news/recognising-jaundice-in-black-and-brown-babies" },
  { name: "blog", path: experts },
  { name: "blog, replying to a comment", path: `${experts}?replyTo=seed_diaspora-1` },
  { name: "blog, after a comment was sent", path: `${experts}?comment=received` },
  { name: "blog, a refused comment", path: experts, form: { name: "", email: "", body: "" }, status: 400 },
  { name: "press release, comments closed", path: "/press-releases/workforce-programme-pay-progression-and-bullying" },
  { name: "news, comments closed with comments", path: `/news/${closedSlug}` },
  { name: "news, withdrawn", path: `/news/${withdrawnSlug}` },
  { name: "news, unpublished (gone)", path: `/news/${removedSlug}`, status: 410 },
  { name: "page", path: "/about" },
  { name: "publications", path: "/publications" },
  { name: "publication with documents", path: publication },
  { name: "HTML publication", path: `${publication}/full-text` },
  { name: "HTML publication, print view", path: `${publication}/full-text?print` },
  { name: "accessible format request", path: `${publication}/request-format/${csvId}` },
  {
    name: "accessible format request, refused",
    path: `${publication}/request-format/${csvId}`,
    form: { email: "", format: "" },
    status: 400,
  },
  { name: "accessible format request sent", path: `${publication}/request-format/${csvId}/sent` },
  { name: "search", path: "/search" },
  { name: "search results", path: "/search?q=maternity" },
  { name: "search results, filtered", path: "/search?q=maternity&kind=blogs&priority=maternal-neonatal" },
  { name: "search, no results", path: "/search?q=zzqx+glorptastic" },
  { name: "search, a suggestion", path: "/search?q=maternaty" },
  { name: "search, past the last page", path: "/search?q=maternity&page=40" },
  { name: "feeds", path: "/feeds" },
  { name: "privacy", path: "/privacy" },
  { name: "accessibility", path: "/accessibility" },
  { name: "page not found", path: "/no-such-page", status: 404 },
  { name: "listing page not found", path: "/news?page=999", status: 404 },
];

/**
 * The expert's fact-check pages (decision 028), reached only through links mailed by a request sent
 * here: open, a refused answer, answered, closed (its deadline moved into the past), and not valid.
 */
async function factCheckPages(browser: Browser, request: APIRequestContext): Promise<PageRequest[]> {
  const [draft, closing] = await insertItems([
    { slug: `e2e-markup-fact-check-${run}`, title: "A draft to check", state: "DRAFT" },
    { slug: `e2e-markup-fact-check-closed-${run}`, title: "A draft no longer checked", state: "DRAFT" },
  ]);
  ids.push(draft ?? "", closing ?? "");
  const context = await browser.newContext();
  const staff = await context.newPage();
  await signInAs(staff, "admin");
  const [open, answered, closed] = [
    `open-${run}@example.org`,
    `answered-${run}@example.org`,
    `closed-${run}@example.org`,
  ];
  await sendFactCheckRequest(staff, draft ?? "", [open, answered]);
  await sendFactCheckRequest(staff, closing ?? "", [closed]);
  await context.close();
  const path = async (email: string) => new URL(await factCheckLinkFor(email)).pathname;
  const [openPath, answeredPath, closedPath] = await Promise.all([path(open), path(answered), path(closed)]);
  await request.post(`${urls.web}${answeredPath}`, {
    form: { verdict: "ACCURATE", comments: "The figures match the survey." },
    headers: { origin: urls.web },
    maxRedirects: 0,
  });
  await withDb((db) =>
    db.factCheckRequest.updateMany({
      where: { itemId: closing ?? "" },
      data: { closesAt: new Date(Date.now() - 1000) },
    }),
  );
  return [
    { name: "fact check", path: openPath },
    {
      name: "fact check, a refused answer",
      path: openPath,
      form: { verdict: "CORRECTIONS", comments: "" },
      status: 400,
    },
    { name: "fact check, answered", path: answeredPath },
    { name: "fact check, closed", path: closedPath, status: 410 },
    { name: "fact check link not valid", path: "/fact-check/not-a-link", status: 404 },
  ];
}

async function fetchPage(request: APIRequestContext, page: PageRequest): Promise<APIResponse> {
  const url = `${urls.web}${page.path}`;
  if (!page.form) return request.get(url, { maxRedirects: 0 });
  // The form's hidden fields as the page serves them, with what the reader typed.
  const html = await (await request.get(url)).text();
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  return request.post(url, { form: { ...hidden, ...page.form }, headers: { origin: urls.web }, maxRedirects: 0 });
}

test("every kind of public page is one valid document, and its headings nest", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const responses: { name: string; html: string; status: number; expected: number }[] = [];
  for (const entry of publicPages) {
    const response = await fetchPage(request, entry);
    const name = `${entry.name} (${entry.path})`;
    responses.push({ name, html: await response.text(), status: response.status(), expected: entry.status ?? 200 });
  }
  const wrongStatus = responses.flatMap((r) => (r.status === r.expected ? [] : [`${r.name}: ${r.status}`]));
  expect.soft(wrongStatus, "pages not sent with the status their entry expects").toEqual([]);
  // Nothing after the document: no data or scripts streamed once </html> has closed it.
  const tails = responses.flatMap((r) => (/<\/html>\s*$/.test(r.html) ? [] : [`${r.name}: ${r.html.slice(-120)}`]));
  expect.soft(tails, "pages with something after </html>").toEqual([]);

  const [errors, levels] = await Promise.all([nuErrors(responses), headingLevels(browser, responses)]);
  expect.soft(describeNuErrors(errors), "Nu HTML Checker errors").toEqual([]);
  const outlineProblems = responses.flatMap((checked, index) =>
    headingProblems(levels[index] ?? []).map((problem) => `${checked.name}: ${problem}`),
  );
  expect(outlineProblems, "headings that do not nest").toEqual([]);
});

test("with JavaScript on, every kind of public page loads only from the site, and at most 15 KB of script", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const site = new URL(urls.web).host;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.host !== site) elsewhere.push(`${page.url()}: ${request.url()}`);
  });
  const overBudget: string[] = [];
  for (const entry of publicPages.filter((p) => !p.form)) {
    const scripts: Promise<number>[] = [];
    const onResponse = (response: Response) => {
      // Module scripts and their preloads alike.
      if (/javascript/.test(response.headers()["content-type"] ?? "")) {
        scripts.push(response.body().then((body) => gzipSync(body).length));
      }
    };
    page.on("response", onResponse);
    await page.goto(entry.path, { waitUntil: "networkidle" });
    page.off("response", onResponse);
    const bytes = (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0);
    if (bytes > JS_BUDGET) overBudget.push(`${entry.name}: ${bytes} bytes`);
    // The header's menu is enhanced on every page: the scripts ran, within the policy.
    await expect(page.locator("header[data-nhsuk-header-init]"), entry.path).toHaveCount(1);
  }
  expect(elsewhere, "requests to other sites").toEqual([]);
  expect(overBudget, "pages over 15 KB of JavaScript (gzip)").toEqual([]);
});
