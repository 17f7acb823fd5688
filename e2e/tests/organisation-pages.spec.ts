import { createItem } from "@observatory/db/testing";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { describeNuErrors, nuErrors } from "./nu-check";
import { expectAccessibleAsServed } from "./public-helpers";
import { removeItems, signInAs, uploadImage } from "./staff-helpers";

// The pages every public body has (decision 024): an administrator sets the organisation's contact
// details, press office and accessibility statement facts in the admin, and the contact page, the
// press releases, the accessibility statement and the privacy notice print them; every item has a
// share block of plain links (a copy button where JavaScript can copy) and its own og:image.

const run = Date.now().toString(36);
const press = `press-${run}@observatory.test`;
const problem = `The map of projects ${run} has no text alternative (WCAG 2.2 success criterion 1.1.1).`;
const pressReleasePath = "/press-releases/seven-anti-racism-principles-for-nhs-organisations";
const newsSlug = `share-journey-${run}`;
const newsTitle = `Share journey ${run}: “quotes” & ampersands`;
const imageTitle = `Share journey image ${run}`;
const imageAlt = `Two people talking in a clinic, ${run}`;

let savedSettings: unknown = null;

test.beforeAll(async () => {
  savedSettings = await withDb(
    async (db) => (await db.setting.findUnique({ where: { key: "organisation.details" } }))?.value ?? null,
  );
});

test.afterAll(async () => {
  // The demo's details again, for the journeys that follow.
  await withDb(async (db) => {
    if (savedSettings === null) await db.setting.deleteMany({ where: { key: "organisation.details" } });
    else await db.setting.update({ where: { key: "organisation.details" }, data: { value: savedSettings as object } });
  });
  await removeItems([newsSlug]);
  await withDb((db) => db.media.deleteMany({ where: { title: imageTitle } }));
});

test("an administrator sets the contact details and the public pages print them", async ({ page }) => {
  // Nine pages, each checked with axe: more than the default on a loaded machine.
  test.setTimeout(120_000);
  await signInAs(page, "admin");
  // In the admin's menu (which may fold it behind "More"), beside the other settings.
  await expect(page.locator('nav[aria-label="Menu"] a[href="/settings/organisation"]').first()).toHaveText(
    "Organisation",
  );
  await page.goto(`${urls.admin}/settings/organisation`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisation settings");

  // Bad answers are refused beside their fields, and what was typed stays.
  const general = page.getByRole("group", { name: "General enquiries" });
  await general.getByLabel("Telephone (optional)").fill("ring us");
  const statement = page.getByRole("group", { name: "Accessibility statement" });
  await statement.getByLabel("Email address for accessibility problems and other formats").fill("");
  await statement.getByLabel("Date the statement was last reviewed").fill("31/02/2026");
  await page.getByRole("button", { name: "Save organisation settings" }).click();
  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter a telephone number using digits, spaces and brackets");
  await expect(summary).toContainText("Enter the email address people use to report an accessibility problem");
  await expect(page.locator("#statementReviewedOn-error")).toContainText("Enter a real date, like 21/11/2026");
  await expect(general.getByLabel("Telephone (optional)")).toHaveValue("ring us");
  await expect(page).toHaveTitle(/^Error: Organisation settings/);
  await expectAccessible(page);

  await general.getByLabel("Email address").fill(`enquiries-${run}@observatory.test`);
  await general.getByLabel("Telephone (optional)").fill("020 7946 0111");
  await general.getByLabel("Postal address").fill(`Observatory ${run}\nLondon`);
  const pressOffice = page.getByRole("group", { name: "Press office" });
  await pressOffice.getByLabel("Email address").fill(press);
  await pressOffice.getByLabel("Telephone", { exact: true }).fill("+44 20 7946 0222");
  await pressOffice.getByLabel("Out-of-hours telephone (optional)").fill("");
  await page.getByLabel("Email address of the data protection officer").fill(`dpo-${run}@observatory.test`);
  await statement
    .getByLabel("Email address for accessibility problems and other formats")
    .fill(`access-${run}@observatory.test`);
  await statement.getByLabel("Partially compliant").check();
  await statement.getByLabel("Content that is not accessible").fill(problem);
  await statement.getByLabel("Date the statement was first prepared").fill("01/11/2026");
  await statement.getByLabel("Date the statement was last reviewed").fill("30/11/2026");
  const networks = page.getByRole("group", { name: "Networks readers can share to" });
  for (const network of ["LinkedIn", "X (formerly Twitter)"]) await networks.getByLabel(network).check();
  for (const network of ["Bluesky", "Facebook", "Threads", "WhatsApp"]) await networks.getByLabel(network).uncheck();
  await page.getByRole("button", { name: "Save organisation settings" }).click();
  await expect(page.getByText("The organisation settings have been saved.")).toBeVisible();
  await expect(pressOffice.getByLabel("Telephone", { exact: true })).toHaveValue("+44 20 7946 0222");

  // Recorded with the values before and after.
  const event = await withDb((db) =>
    db.auditEvent.findFirstOrThrow({
      where: { action: "settings.organisationChanged" },
      orderBy: { createdAt: "desc" },
    }),
  );
  expect(event.data).toMatchObject({
    changes: expect.arrayContaining([expect.objectContaining({ label: "Press office email", to: press })]),
  });

  // The contact page, from the footer: the out-of-hours line is left out, not printed empty.
  await page.goto(urls.web);
  await page.getByRole("contentinfo").getByRole("link", { name: "Contact us" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact us");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: `enquiries-${run}@observatory.test` })).toHaveAttribute(
    "href",
    `mailto:enquiries-${run}@observatory.test`,
  );
  await expect(main.getByRole("link", { name: "+44 20 7946 0222" })).toHaveAttribute("href", "tel:+442079460222");
  await expect(main.locator("address")).toContainText(`Observatory ${run}`);
  await expect(main.getByRole("link", { name: press })).toBeVisible();
  await expect(main).not.toContainText("Out of hours");
  await expect(main.getByRole("link", { name: `dpo-${run}@observatory.test` })).toBeVisible();
  await expectAccessible(page);

  // Every press release, and their list, name the press office.
  await page.goto(`${urls.web}${pressReleasePath}`);
  const office = page.getByRole("region", { name: "Press office" });
  await expect(office.getByRole("link", { name: press })).toHaveAttribute("href", `mailto:${press}`);
  await expect(office).not.toContainText("Out of hours");
  await expectAccessible(page);
  await page.goto(`${urls.web}/press-releases`);
  await expect(page.getByRole("region", { name: "Press office" }).getByRole("link", { name: press })).toBeVisible();
  await expectAccessible(page);
  // News is not the press office's.
  await page.goto(`${urls.web}/news`);
  await expect(page.getByRole("region", { name: "Press office" })).toHaveCount(0);

  // The accessibility statement: its contact, status, the problem and both dates.
  await page.goto(`${urls.web}/accessibility`);
  await expect(page.getByRole("link", { name: `access-${run}@observatory.test` }).first()).toHaveAttribute(
    "href",
    `mailto:access-${run}@observatory.test`,
  );
  await expect(page.getByText("This website is partially compliant with the")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: problem })).toBeVisible();
  await expect(page.getByText("This statement was prepared on 1 November 2026.")).toBeVisible();
  await expect(page.getByText("It was last reviewed on 30 November 2026.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Equality Advisory and Support Service (EASS)" })).toHaveAttribute(
    "href",
    "https://www.equalityadvisoryservice.com/",
  );
  await expectAccessible(page);

  // The privacy notice names the data protection officer.
  await page.goto(`${urls.web}/privacy`);
  await expect(page.getByRole("link", { name: `dpo-${run}@observatory.test` })).toHaveAttribute(
    "href",
    `mailto:dpo-${run}@observatory.test`,
  );
  await expectAccessible(page);
});

test("an item's share block: plain encoded links, a copy button by keyboard, and its lead image as og:image", async ({
  page,
  browser,
  context,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin");
  await uploadImage(page, { title: imageTitle, alt: imageAlt });
  await withDb(async (db) => {
    const media = await db.media.findFirstOrThrow({ where: { title: imageTitle }, select: { id: true } });
    const item = await createItem(db, {
      authorId: await userIdOf(db, "editor@observatory.test"),
      slug: newsSlug,
      live: { title: newsTitle, summary: `What the share journey ${run} is about.` },
    });
    await db.revision.updateMany({ where: { itemId: item.id }, data: { leadImageId: media.id } });
    // The networks chosen for this journey: LinkedIn and X.
    await db.setting.upsert({
      where: { key: "organisation.details" },
      create: { key: "organisation.details", value: { shareNetworks: ["linkedin", "x"] } },
      update: { value: { ...(savedSettings as object), shareNetworks: ["linkedin", "x"] } },
    });
  });
  const url = `${urls.web}/news/${newsSlug}`;
  const encodedUrl = encodeURIComponent(url);
  const encodedTitle = encodeURIComponent(newsTitle);

  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: urls.web });
  await page.goto(url);
  const share = page.getByRole("region", { name: "Share this page" });
  await expect(share.getByRole("link", { name: "Share by email" })).toHaveAttribute(
    "href",
    `mailto:?subject=${encodedTitle}&body=${encodedUrl}`,
  );
  const linkedIn = share.getByRole("link", { name: "Share on LinkedIn" });
  await expect(linkedIn).toHaveAttribute("href", `https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`);
  await expect(linkedIn).toHaveAttribute("rel", "noopener noreferrer");
  await expect(share.getByRole("link", { name: "Share on X (formerly Twitter)" })).toHaveAttribute(
    "href",
    `https://x.com/intent/post?text=${encodedTitle}&url=${encodedUrl}`,
  );
  await expect(share.getByRole("link", { name: /Bluesky|Facebook/ })).toHaveCount(0);

  // With JavaScript, the link to the page becomes a button that copies it, used by keyboard.
  const copy = share.getByRole("button", { name: "Copy link" });
  await expect(copy).toBeVisible();
  await expect(share.getByRole("link", { name: "Link to this page" })).toBeHidden();
  await copy.focus();
  await page.keyboard.press("Enter");
  await expect(share.getByRole("status")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.keyboard.press("Tab");
  await expect(share.getByRole("link", { name: "Share by email" })).toBeFocused();
  await expectAccessible(page);

  // Its own picture for social media: the lead image, as an absolute address, with its alt text.
  const meta = (property: string) => page.locator(`meta[property="${property}"]`);
  await expect(meta("og:type")).toHaveAttribute("content", "article");
  await expect(meta("og:url")).toHaveAttribute("content", url);
  await expect(meta("og:title")).toHaveAttribute("content", newsTitle);
  await expect(meta("og:description")).toHaveAttribute("content", `What the share journey ${run} is about.`);
  await expect(meta("og:image")).toHaveAttribute("content", new RegExp(`^${urls.web}/media/[a-z0-9]{24}-\\d+\\.jpg$`));
  await expect(meta("og:image:alt")).toHaveAttribute("content", imageAlt);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  // An item without one has the site's picture, described too.
  await page.goto(`${urls.web}${pressReleasePath}`);
  await expect(meta("og:image")).toHaveAttribute("content", `${urls.web}/assets/images/nhsuk-opengraph-image.png`);
  await expect(meta("og:image:alt")).toHaveAttribute("content", "The NHS logo and nhs.uk in white on NHS blue");

  // Without JavaScript it is the plain link to the page.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await noScript.route(/assets\.nhs\.uk/, (route) => route.abort());
  const reader = await noScript.newPage();
  await reader.goto(url);
  const plain = reader.getByRole("region", { name: "Share this page" });
  await expect(plain.getByRole("link", { name: "Link to this page" })).toHaveAttribute("href", url);
  await expect(plain.getByRole("button", { name: "Copy link" })).toBeHidden();
  await expectAccessibleAsServed(reader);
  await noScript.close();
});

// The admin's settings page, and its refusal, are in admin-markup.spec.ts with every admin page.
test("the new and changed public pages pass the Nu HTML Checker", async ({ request }) => {
  test.setTimeout(120_000);
  const paths = ["/contact", "/accessibility", "/privacy", pressReleasePath, "/press-releases"];
  const checked = await Promise.all(
    paths.map(async (path) => ({ name: path, html: await (await request.get(`${urls.web}${path}`)).text() })),
  );
  expect(describeNuErrors(await nuErrors(checked))).toEqual([]);
});
