import type { Page } from "@playwright/test";
import { createComment } from "@observatory/db/testing";
import { comments as seedComments, items as seedItems } from "@observatory/demo/content";
import { urls } from "../playwright.config";
import { expect, expectAccessible, test } from "../fixtures";
import {
  commentsContaining,
  deleteCommentsContaining,
  deleteItems,
  expectAccessibleAsServed,
  expectNoHorizontalScroll,
  insertItems,
  uniqueMarker,
  waitForEnhancedHeader,
  waitForMinimumFormTime,
  withDb,
} from "./public-helpers";
import { keepOnlySeedContent } from "./public-helpers";

test.beforeAll(keepOnlySeedContent);

// Journeys through the public portal (apps/web) on the seeded demo content: reading, listings,
// comments with and without JavaScript, narrow screens, and what public responses never contain.

const pulse = {
  path: "/blogs/pulse-oximeters-accuracy-across-skin-tones",
  title: "Pulse oximeters: why accuracy across skin tones matters",
};
const experts = {
  path: "/blogs/recognising-the-experts-in-our-midst",
  title: "Recognising the experts in our midst: valuing NHS diaspora staff",
  approvedComments: 4,
};
const jaundice = {
  path: "/news/recognising-jaundice-in-black-and-brown-babies",
  title: "New resources to help recognise jaundice in Black and brown babies",
  approvedComments: 1,
};

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const headLink = (page: Page, rel: string) => page.locator(`head link[rel="${rel}"]`);
const pagination = (page: Page) => page.getByRole("navigation", { name: "Pagination" });

test.describe("reading", () => {
  test("a reader goes from the home page through a priority to an article with its details", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 2, name: "Our priorities" })).toBeVisible();
    await expect(page.locator(".nhsuk-card--clickable")).toHaveCount(6);
    await expect(page.getByRole("heading", { level: 2, name: "Latest" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Better data and research" }).click();
    await expect(page).toHaveURL(`${urls.web}/priorities/data-research`);
    await expect(heading(page)).toHaveText("Better data and research");
    await expect(page.getByRole("heading", { level: 2, name: "Published on this priority" })).toBeVisible();
    // Every kind has its own listing for the priority.
    await expect(page.getByRole("navigation", { name: "By type" }).getByRole("link")).toHaveText([
      "News on this priority",
      "Blogs on this priority",
      "Press releases on this priority",
      "Publications on this priority",
    ]);
    await expect(page.getByRole("link", { name: "Press releases on this priority" })).toHaveAttribute(
      "href",
      "/press-releases?workstream=data-research",
    );
    const breadcrumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumbs.getByRole("listitem")).toHaveText(["Home", "Our priorities"]);
    await expect(page.getByRole("link", { name: "Atom feed", exact: true })).toHaveAttribute(
      "href",
      "/feeds/priorities/data-research.xml",
    );
    await expect(page.getByRole("link", { name: "RSS feed", exact: true })).toHaveAttribute(
      "href",
      "/feeds/priorities/data-research.rss",
    );
    await expectAccessible(page);

    await page.getByRole("main").getByRole("link", { name: pulse.title }).click();
    await expect(page).toHaveURL(`${urls.web}${pulse.path}`);
    await expect(heading(page)).toHaveText(pulse.title);
    // Kind, date (Europe/London) and author in one line; the date is machine-readable too.
    const byline = page.locator("article p", { hasText: "By " }).first();
    await expect(byline).toHaveText("Blog · Published 15 March 2022 · By Daniel Whitfield");
    await expect(byline.locator("time")).toHaveAttribute("datetime", "2022-03-15T10:00:00.000Z");
    // Workstream tags, in priority order, link back to their priorities.
    const tags = page.locator("article a:has(.nhsuk-tag)");
    await expect(tags).toHaveText(["Better data and research", "Fair technology and innovation"]);
    await expect(tags.first()).toHaveAttribute("href", "/priorities/data-research");
    // Each tag is an item of a list, so that a text browser does not run them into one word.
    await expect(page.locator("article ul.observatory-tag-list > li")).toHaveText([
      "Better data and research",
      "Fair technology and innovation",
    ]);
    await expect(breadcrumbs.getByRole("listitem")).toHaveText(["Home", "Blogs"]);
    // On small screens the breadcrumbs become a single back link to the section.
    await expect(breadcrumbs.locator("a.nhsuk-back-link")).toHaveAttribute("href", "/blogs");
    await expect(page.getByRole("heading", { level: 2, name: "Related" })).toBeVisible();
    // The approved comment is shown; the rejected one is not.
    await expect(page.locator("#comments-heading")).toHaveText("Comments (1)");
    await expect(page.getByText("I work in critical care")).toBeVisible();
    await expect(page.getByText("What a waste of NHS money")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a comment posted around noon shows 12:05pm, as served and with the page's scripts run", async ({
    page,
    request,
  }) => {
    // Margaret Ellis's reply was posted at 11:05 UTC on 29 July 2023: 12:05pm in London.
    const html = await (await request.get(experts.path)).text();
    const served = /id="comment-seed_diaspora-4"[\s\S]*?<time[^>]*>([^<]*)<\/time>/.exec(html)?.[1];
    expect(served, "the time as served").toBe("29 July 2023 at 12:05pm BST");
    // With JavaScript, the page's scripts change nothing of it (the fixture fails the test on any
    // script error).
    await page.goto(experts.path);
    await waitForEnhancedHeader(page);
    await expect(page.locator("#comment-seed_diaspora-4 time")).toHaveText("29 July 2023 at 12:05pm BST");
  });

  test("a page shows when it was last reviewed and when it is next due, and an overdue one no past date", async ({
    page,
  }) => {
    // The demo's review dates count from the day it was seeded (packages/demo, decision 014).
    await page.goto("/news/adapting-health-communications-for-jewish-communities");
    await expect(page.getByText(/Page last reviewed: \d{1,2} \w+ \d{4}/)).toBeVisible();
    await expect(page.getByText("Next review due")).toHaveCount(0);
    await page.goto("/about");
    await expect(heading(page)).toHaveText("About us");
    await expect(page.getByText(/Page last reviewed: \d{1,2} \w+ \d{4}/)).toBeVisible();
    await expect(page.getByText(/Next review due: \d{1,2} \w+ 20\d\d/)).toBeVisible();
    // Pages have no comments section.
    await expect(page.locator("#comments-heading")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("every other page type has no accessibility violations", async ({ page }) => {
    // Five pages, each checked by axe: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    for (const [path, title] of [
      ["/priorities", "Our priorities"],
      ["/press-releases", "Press releases"],
      ["/feeds", "Feeds"],
      ["/accessibility", null],
      ["/privacy", null],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      if (title) await expect(heading(page)).toHaveText(title);
      await expectAccessible(page);
    }
  });

  test("printed, an article is its text and comments, without the form, reply links, menu, search or footer", async ({
    page,
  }) => {
    await page.goto(experts.path);
    await page.emulateMedia({ media: "print" });
    await expect(heading(page)).toBeVisible();
    await expect(page.locator(".observatory-comment").first()).toBeVisible();
    for (const hidden of [
      "#comment-form",
      ".observatory-reply-link >> nth=0",
      ".nhsuk-header__navigation",
      ".nhsuk-header__search",
      ".nhsuk-footer",
      ".nhsuk-skip-link",
    ]) {
      await expect(page.locator(hidden), hidden).toBeHidden();
    }
  });

  test("an article whose comments are closed says so and has no comment form", async ({ page }) => {
    await page.goto("/press-releases/workforce-programme-pay-progression-and-bullying");
    await expect(page.getByText("Comments are closed.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send comment" })).toHaveCount(0);
    // Closed before anyone commented: no empty "Comments (0)" heading.
    await expect(page.locator("#comments-heading")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("an article closed after a discussion shows the approved comments, without reply links", async ({ page }) => {
    const marker = uniqueMarker("e2e-closed");
    const [id = ""] = await insertItems([{ slug: marker, title: "A discussion now closed", commentsOpen: false }]);
    try {
      await withDb(async (db) => {
        await createComment(db, { itemId: id, status: "APPROVED", name: "Ada Reader", body: `Approved ${marker}` });
        await createComment(db, { itemId: id, status: "PENDING", body: `Pending ${marker}` });
      });
      await page.goto(`/news/${marker}`);
      await expect(page.locator("#comments-heading")).toHaveText("Comments (1)");
      await expect(page.getByText(`Approved ${marker}`)).toBeVisible();
      await expect(page.getByText(`Pending ${marker}`)).toHaveCount(0);
      await expect(page.getByText("Comments are closed.")).toBeVisible();
      await expect(page.getByRole("link", { name: /^Reply/ })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Send comment" })).toHaveCount(0);
      await expectAccessible(page);
    } finally {
      await deleteItems([id]);
    }
  });
});

test.describe("listings", () => {
  // The seed has 11 news items: 12 older ones make the news listing three pages (and its Mental health filter two).
  const extras = Array.from({ length: 12 }, (_, i) => ({
    slug: `e2e-listing-${String(i + 1).padStart(2, "0")}`,
    title: `Archive news item ${String(i + 1).padStart(2, "0")}`,
    publishedAt: new Date(Date.UTC(2020, 0, i + 1, 9)),
    workstreams: ["mental-health"],
  }));
  let ids: string[] = [];
  test.beforeAll(async () => {
    ids = await insertItems(extras);
  });
  test.afterAll(async () => {
    await deleteItems(ids);
  });

  test("a reader pages through the news listing, newest first, with rel prev/next links", async ({ page }) => {
    await page.goto("/news");
    await expect(heading(page)).toHaveText("News");
    await expect(page.getByText("23 items, page 1 of 3")).toBeVisible();
    await expect(headLink(page, "next")).toHaveAttribute("href", "/news?page=2");
    await expect(headLink(page, "prev")).toHaveCount(0);
    await expect(pagination(page).getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
    await expect(pagination(page).getByRole("link", { name: "Previous page" })).toHaveCount(0);
    const firstPage = page.getByRole("main").locator(".observatory-item-list h2 a");
    await expect(firstPage).toHaveCount(10);
    await expect(firstPage.first()).toHaveText(
      "Improving mental health services for Gypsy, Roma and Traveller communities",
    );
    const dates = await page
      .locator(".observatory-item-list time")
      .evaluateAll((els) => els.map((el) => el.getAttribute("datetime") ?? ""));
    expect(dates).toEqual([...dates].sort().reverse());
    await expectAccessible(page);

    await pagination(page).getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(`${urls.web}/news?page=2`);
    await expect(heading(page)).toHaveText("News");
    await expect(page).toHaveTitle(/News \(page 2 of 3\)/);
    await expect(page.getByText("23 items, page 2 of 3")).toBeVisible();
    await expect(headLink(page, "prev")).toHaveAttribute("href", "/news");
    await expect(headLink(page, "next")).toHaveAttribute("href", "/news?page=3");
    await expect(headLink(page, "canonical")).toHaveAttribute("href", `${urls.web}/news?page=2`);
    await expect(pagination(page).getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
    const secondPage = page.getByRole("main").locator(".observatory-item-list h2 a");
    await expect(secondPage).toHaveCount(10);
    await expectAccessible(page);

    await pagination(page).getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(`${urls.web}/news?page=3`);
    await expect(page.getByText("23 items, page 3 of 3")).toBeVisible();
    await expect(headLink(page, "next")).toHaveCount(0);
    await expect(pagination(page).getByRole("link", { name: "Next page" })).toHaveCount(0);
    const lastPage = page.getByRole("main").locator(".observatory-item-list h2 a");
    await expect(lastPage).toHaveCount(3);
    await expect(lastPage.last()).toHaveText("Archive news item 01");

    await pagination(page).getByRole("link", { name: "Previous page" }).click();
    await expect(page).toHaveURL(`${urls.web}/news?page=2`);
    await expect(page.getByText("23 items, page 2 of 3")).toBeVisible();
  });

  test("a page number past the end, or not a number, gives a helpful 404 page", async ({ page }) => {
    let response = await page.goto("/news?page=999");
    expect(response?.status()).toBe(404);
    await expect(heading(page)).toHaveText("Page not found");
    await expect(page.getByText("There is no page 999: the last page is 3.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "search the site" })).toBeVisible();
    await expectAccessible(page);

    response = await page.goto("/blogs?page=abc");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("That page number is not valid.")).toBeVisible();
  });

  test("an unknown priority filter gives a helpful 404 page", async ({ page }) => {
    const response = await page.goto("/news?workstream=nope");
    expect(response?.status()).toBe(404);
    await expect(heading(page)).toHaveText("Page not found");
    await expect(page.getByText("That priority was not found.")).toBeVisible();
    await expectAccessible(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a reader filters the news by priority and year with the Apply filters button and pages the result", async ({
      page,
    }) => {
      await page.goto("/news");
      await expect(
        page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Home" }),
      ).toHaveAttribute("href", "/");
      await page.getByLabel("Priority").selectOption({ label: "Mental health" });
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(`${urls.web}/news?workstream=mental-health&year=`);
      await expect(heading(page)).toHaveText("News: Mental health");
      await expect(page.getByLabel("Priority")).toHaveValue("mental-health");
      await expect(page.getByText("13 items, page 1 of 2")).toBeVisible();
      await expect(headLink(page, "next")).toHaveAttribute("href", "/news?workstream=mental-health&page=2");
      const listed = page.locator(".observatory-item-list > li");
      await expect(listed).toHaveCount(10);
      for (const item of await listed.all()) await expect(item).toContainText("Mental health");
      await expectAccessibleAsServed(page);

      await pagination(page).getByRole("link", { name: "Page 2" }).click();
      await expect(page).toHaveURL(`${urls.web}/news?workstream=mental-health&page=2`);
      await expect(heading(page)).toHaveText("News: Mental health");
      await expect(listed).toHaveCount(3);
      await expect(headLink(page, "prev")).toHaveAttribute("href", "/news?workstream=mental-health");

      // The newest year anything was published in: every item listed is from it.
      const year = (await page.getByLabel("Year published").locator("option").nth(1).textContent()) ?? "";
      await page.getByLabel("Priority").selectOption({ label: "All priorities" });
      await page.getByLabel("Year published").selectOption(year);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(`${urls.web}/news?workstream=&year=${year}`);
      await expect(heading(page)).toHaveText(`News from ${year}`);
      for (const item of await listed.all()) await expect(item.locator("time")).toContainText(year);

      await page.getByLabel("Year published").selectOption({ label: "Any year" });
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(heading(page)).toHaveText("News");
      await expect(page.getByText("23 items, page 1 of 3")).toBeVisible();
    });
  });
});

test.describe("commenting", () => {
  const marker = uniqueMarker("e2e-comment");
  test.afterAll(async () => {
    await deleteCommentsContaining(marker);
  });

  async function submit(page: Page, renderedAt: number) {
    await waitForMinimumFormTime(page, renderedAt);
    const posted = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Send comment" }).click();
    return posted;
  }

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("an invalid comment is shown back with errors, and a valid one awaits moderation", async ({ page }) => {
      const text = `A comment sent without JavaScript ${marker}-nojs`;
      await page.goto(experts.path);
      let renderedAt = Date.now();

      // Nothing filled in: the error summary, an error on each field, status 400. The page comes back
      // titled "Error: ...", with the summary (at the top of the form) focused and in view, without
      // any script.
      let response = await submit(page, renderedAt);
      expect(response.status()).toBe(400);
      await page.waitForLoadState();
      renderedAt = Date.now();
      await expect(page).toHaveTitle(/^Error: /);
      await expect(page.locator("#error-summary")).toBeFocused();
      await expect(page.locator("#error-summary")).toBeInViewport();
      await expect(page.locator("#comment-form #error-summary")).toHaveCount(1);
      const summary = page.locator(".nhsuk-error-summary");
      await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
      await expect(summary.getByRole("link")).toHaveText([
        "Enter your name",
        "Enter your email address",
        "Enter your comment",
      ]);
      await expect(summary.getByRole("link", { name: "Enter your name" })).toHaveAttribute("href", "#comment-name");
      await expect(page.locator("#comment-name-error")).toHaveText("Error: Enter your name");
      await expect(page.locator("#comment-email-error")).toHaveText("Error: Enter your email address");
      await expect(page.locator("#comment-body-error")).toHaveText("Error: Enter your comment");
      await expect(page.getByLabel("Your name")).toHaveAttribute("aria-describedby", /comment-name-error/);
      await expectAccessibleAsServed(page);

      // A bad email address: the other fields keep what the reader typed.
      await page.getByLabel("Your name").fill("Ada Reader");
      await page.getByLabel("Your email address").fill("not-an-email");
      await page.getByLabel("Your comment").fill(text);
      response = await submit(page, renderedAt);
      expect(response.status()).toBe(400);
      await page.waitForLoadState();
      renderedAt = Date.now();
      await expect(page.locator(".nhsuk-error-summary").getByRole("link")).toHaveText([
        "Enter an email address in the correct format, like name@example.com",
      ]);
      await expect(page.getByLabel("Your name")).toHaveValue("Ada Reader");
      await expect(page.getByLabel("Your email address")).toHaveValue("not-an-email");
      await expect(page.getByLabel("Your comment")).toHaveValue(text);
      expect(await commentsContaining(`${marker}-nojs`)).toEqual([]);

      // Corrected: stored as PENDING, and the reader is told it awaits moderation.
      await page.getByLabel("Your email address").fill("Ada.Reader@Example.org");
      await page.getByLabel("Email me when my comment is published").check();
      response = await submit(page, renderedAt);
      expect(response.status()).toBe(303);
      await expect(page).toHaveURL(`${urls.web}${experts.path}?comment=received#comment-status`);
      const banner = page.getByRole("alert").filter({ hasText: "Thank you for your comment" });
      await expect(banner).toBeVisible();
      await expect(banner).toContainText("It is awaiting moderation");
      await expect(page.getByText(text)).toHaveCount(0);
      expect((await page.content()).includes(`${marker}-nojs`), "the comment is in the page").toBe(false);
      await expect(page.locator("#comments-heading")).toHaveText(`Comments (${experts.approvedComments})`);
      await expectAccessibleAsServed(page);

      const stored = await commentsContaining(`${marker}-nojs`);
      expect(stored).toEqual([
        expect.objectContaining({
          status: "PENDING",
          parentId: null,
          authorName: "Ada Reader",
          authorEmail: "ada.reader@example.org",
          body: text,
          notifyOnPublish: true,
          itemSlug: "recognising-the-experts-in-our-midst",
        }),
      ]);
    });

    test("a reader replies to a comment and the reply is stored under it", async ({ page }) => {
      const text = `A reply sent without JavaScript ${marker}-reply`;
      await page.goto(experts.path);
      // The thread: replies nest under what they answer, down to the depth limit, which has no Reply link.
      await expect(page.locator("#comments-heading")).toHaveText(`Comments (${experts.approvedComments})`);
      await expect(
        page.locator("#comment-seed_diaspora-1 #comment-seed_diaspora-2 #comment-seed_diaspora-3"),
      ).toHaveCount(1);
      await expect(page.locator("#comment-seed_diaspora-1 #comment-seed_diaspora-4")).toHaveCount(1);
      await expect(page.locator("#comment-seed_diaspora-3 a", { hasText: "Reply" })).toHaveCount(0);
      await page
        .locator("#comment-seed_diaspora-1 > article")
        .getByRole("link", { name: "Reply to Dr Chidi Nwosu" })
        .click();
      await expect(page).toHaveURL(`${urls.web}${experts.path}?replyTo=seed_diaspora-1#comment-form`);
      const renderedAt = Date.now();
      await expect(page.getByRole("heading", { level: 2, name: "Reply to Dr Chidi Nwosu" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Cancel reply" })).toHaveAttribute(
        "href",
        `${experts.path}#comment-form`,
      );
      await expectAccessibleAsServed(page);

      await page.getByLabel("Your name").fill("Ben Reader");
      await page.getByLabel("Your email address").fill("ben.reader@example.org");
      await page.getByLabel("Your comment").fill(text);
      const response = await submit(page, renderedAt);
      expect(response.status()).toBe(303);
      await expect(page.getByRole("alert").filter({ hasText: "Thank you for your comment" })).toBeVisible();
      await expect(page.getByText(text)).toHaveCount(0);

      expect(await commentsContaining(`${marker}-reply`)).toEqual([
        expect.objectContaining({ status: "PENDING", parentId: "seed_diaspora-1", authorName: "Ben Reader" }),
      ]);
    });
  });

  test("with JavaScript, the enhanced form counts characters, shows errors and confirms moderation", async ({
    page,
  }) => {
    const text = `A comment sent with JavaScript ${marker}-js`;
    await page.goto(jaundice.path);
    const renderedAt = Date.now();
    // nhsuk-frontend replaces the static limit with a live count once it runs.
    const count = page.locator(".nhsuk-character-count__status");
    await expect(count).toHaveText("You have 2,000 characters remaining");
    await page.getByLabel("Your comment").pressSequentially("Hello world");
    await expect(count).toHaveText("You have 1,989 characters remaining");

    // Errors come back without a page load (a mark left on the window survives), and focus moves
    // to the summary.
    await page.evaluate(() => Reflect.set(window, "stillThisPage", true));
    const stillThisPage = () => page.evaluate(() => Reflect.get(window, "stillThisPage"));
    await page.getByLabel("Your name").fill("Cara Reader");
    let posted = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Send comment" }).click();
    let response = await posted;
    expect(response.request().resourceType()).toBe("fetch");
    expect(response.status()).toBe(400);
    await expect(page.locator("#error-summary")).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    expect(await stillThisPage()).toBe(true);
    await expect(page.locator("#error-summary").getByRole("link")).toHaveText(["Enter your email address"]);
    await expect(page.getByLabel("Your name")).toHaveValue("Cara Reader");
    await expect(page.getByLabel("Your comment")).toHaveValue("Hello world");
    await expectAccessible(page);

    await page.getByLabel("Your email address").fill("cara.reader@example.org");
    await page.getByLabel("Your comment").fill(text);
    await waitForMinimumFormTime(page, renderedAt);
    posted = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Send comment" }).click();
    response = await posted;
    expect(response.request().resourceType()).toBe("fetch");
    await expect(page).toHaveURL(`${urls.web}${jaundice.path}?comment=received#comment-status`);
    const banner = page.getByRole("alert").filter({ hasText: "Thank you for your comment" });
    await expect(banner).toBeVisible();
    await expect(banner).toBeFocused();
    expect(await stillThisPage()).toBe(true);
    // The form starts afresh, and still counts characters.
    await expect(page.getByLabel("Your comment")).toHaveValue("");
    await expect(page.getByLabel("Your name")).toHaveValue("");
    await expect(count).toHaveText("You have 2,000 characters remaining");
    await expect(page).not.toHaveTitle(/^Error: /);
    await expect(banner).toContainText("It is awaiting moderation");
    await expect(page.getByText(text)).toHaveCount(0);
    await expect(page.locator("#comments-heading")).toHaveText(`Comments (${jaundice.approvedComments})`);
    await expectAccessible(page);

    expect(await commentsContaining(`${marker}-js`)).toEqual([
      expect.objectContaining({
        status: "PENDING",
        authorEmail: "cara.reader@example.org",
        body: text,
        notifyOnPublish: false,
        itemSlug: "recognising-jaundice-in-black-and-brown-babies",
      }),
    ]);
  });
});

test.describe("privacy of comments", () => {
  const decode = (text: string) =>
    text
      .replace(/&#x27;|&#39;|&apos;/g, "'")
      .replace(/&quot;|\\"/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">");
  const emails = [...new Set(seedComments.map((c) => c.authorEmail.toLowerCase()))];
  const hidden = seedComments.filter((c) => c.status !== "APPROVED");
  const commented = [...new Set(seedComments.map((c) => c.itemSlug))].map((slug) => {
    const item = seedItems.find((i) => i.slug === slug);
    if (!item) throw new Error(`no seed item ${slug}`);
    const section = {
      NEWS: "news",
      BLOG: "blogs",
      PRESS_RELEASE: "press-releases",
      PAGE: "",
      PUBLICATION: "publications",
    }[item.kind];
    return { slug, section, path: `/${section}/${slug}` };
  });

  test("no article page, its loader data or its API output contains an email or an unapproved comment", async ({
    request,
  }) => {
    expect(commented.length).toBeGreaterThanOrEqual(5);
    for (const { slug, section, path } of commented) {
      const input = encodeURIComponent(JSON.stringify({ section, slug }));
      const responses = {
        html: await request.get(path),
        data: await request.get(`${path}.data`),
        trpc: await request.get(`/api/trpc/content.article?input=${input}`),
      };
      for (const [name, response] of Object.entries(responses)) {
        expect(response.status(), `${name} ${path}`).toBe(200);
        const body = decode(await response.text()).toLowerCase();
        const contains = (text: string) => body.includes(text.toLowerCase());
        for (const email of emails) expect(contains(email), `${name} ${path} contains ${email}`).toBe(false);
        for (const field of ["authorEmail", "ipHash", "moderationNote", "@example."]) {
          expect(contains(field), `${name} ${path} contains ${field}`).toBe(false);
        }
        for (const c of hidden.filter((h) => h.itemSlug === slug)) {
          const label = `${name} ${path} contains the ${c.status} comment ${c.key}`;
          expect(contains(c.body.slice(0, 60)), label).toBe(false);
          if (c.moderationNote) expect(contains(c.moderationNote.slice(0, 40)), `${label}'s note`).toBe(false);
        }
        // The check can see comments: the approved ones are there.
        for (const c of seedComments.filter((a) => a.itemSlug === slug && a.status === "APPROVED")) {
          expect(contains(c.body.slice(0, 60)), `${name} ${path} lacks approved comment ${c.key}`).toBe(true);
        }
      }
    }
  });
});

const narrowPages = [
  "/",
  "/priorities/maternal-neonatal",
  "/news",
  pulse.path,
  `${pulse.path}?replyTo=seed_pulse-1`,
  "/about",
  "/search?q=maternity",
  "/no-such-page",
];

test.describe("at 320 pixels wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("each page type fits the screen without sideways scrolling", async ({ page }) => {
    for (const path of narrowPages) {
      await page.goto(path);
      await expect(heading(page), path).toBeVisible();
      await waitForEnhancedHeader(page);
      await expectNoHorizontalScroll(page, 320);
    }
  });

  test("while the page's scripts are still loading, the header menu wraps instead of overflowing", async ({ page }) => {
    // The inline snippet marks the browser as supported, but the header script has not run yet.
    await page.route(/\.js(\?.*)?$/, (route) => route.abort());
    await page.goto("/");
    await expect(page.locator("body")).toHaveClass(/nhsuk-frontend-supported/);
    await expect(page.locator(".nhsuk-header")).not.toHaveAttribute("data-nhsuk-header-init");
    await expectNoHorizontalScroll(page, 320);
  });

  test("the home page and an article with its comment form pass axe", async ({ page }) => {
    for (const path of ["/", `${pulse.path}?replyTo=seed_pulse-1`]) {
      await page.goto(path);
      await waitForEnhancedHeader(page);
      await expectAccessible(page);
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("each page type fits the screen, and an article passes axe", async ({ page }) => {
      // Without JavaScript the header's menu wraps instead of folding behind "More".
      for (const path of narrowPages) {
        await page.goto(path);
        await expect(heading(page), path).toBeVisible();
        const scrollWidth = await page.locator("html").evaluate((html) => html.scrollWidth);
        expect(scrollWidth, `page width of ${path}`).toBeLessThanOrEqual(320);
      }
      await page.goto(`${pulse.path}?replyTo=seed_pulse-1`);
      await expectAccessibleAsServed(page);
    });
  });
});

test.describe("not found", () => {
  test("an unknown article, priority or page is a 404 in the site's design", async ({ page }) => {
    for (const path of ["/news/no-such-article", "/priorities/no-such-priority", "/no-such-page"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(heading(page)).toHaveText("Page not found");
      await expect(page).toHaveTitle("Page not found - NHS Race and Health Observatory");
      await expect(page.getByRole("main").getByRole("link", { name: "home page" })).toHaveAttribute("href", "/");
    }
    await expectAccessible(page);
  });

  test("error pages tell browsers and CDNs not to store them", async ({ request }) => {
    // apps/web/app/lib/headers.ts promises "errors are never cached" (Cache-Control: no-store).
    for (const path of ["/news/no-such-article", "/news?page=999", "/news?workstream=nope"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["cache-control"], `Cache-Control of ${path}`).toBe("no-store");
    }
  });
});

test("every public page below the home page has breadcrumbs that start at the home page", async ({ page }) => {
  for (const path of [
    "/priorities",
    "/priorities/mental-health",
    "/news",
    "/blogs",
    "/press-releases",
    pulse.path,
    "/about",
    "/search",
    "/search?q=maternity",
    "/feeds",
    "/privacy",
    "/accessibility",
  ]) {
    await page.goto(path);
    const first = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem").first();
    await expect(first, path).toHaveText("Home");
    await expect(first.getByRole("link"), path).toHaveAttribute("href", "/");
  }
});
