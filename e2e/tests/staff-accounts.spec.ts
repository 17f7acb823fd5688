import type { Browser, Page } from "@playwright/test";
import { generate } from "otplib";
import { expect, expectAccessible, test } from "../fixtures";
import { linkIn, waitForMail } from "../mail";
import { withDb } from "./database";
import { urls } from "../playwright.config";

const admin = { email: "admin@observatory.test", password: "demo-admin-passphrase" };
const run = Date.now().toString(36);
const PASSWORD = "marigold tram beyond the viaduct";

/** Signs in from the sign-in page, and waits for the server's answer (a new page, or the form's errors). */
async function signIn(page: Page, email: string, password: string, path = "/sign-in") {
  await page.goto(`${urls.admin}${path}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
  await page.waitForLoadState();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
}

/** The code the authenticator app shows `stepsAhead` 30-second steps from now (each code works once). */
const totpCode = (secret: string, stepsAhead = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

/** A second person at another computer: their own browser context, held to the same no-console-errors rule. */
async function secondPerson(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  await page.route(/assets\.nhs\.uk/, (route) => route.abort());
  page.on("console", (message) => {
    if (message.type() === "error" && !/net::ERR_FAILED|Failed to load resource/.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    page,
    close: async () => {
      await context.close();
      expect(errors, "console errors of the second person").toEqual([]);
    },
  };
}

/** Invites `email` as `roleLabel` from the users pages, as the signed-in administrator; returns the emailed link. */
async function invite(page: Page, email: string, roleLabel: string) {
  await page.goto(`${urls.admin}/users/invite`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel(roleLabel, { exact: true }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`We have sent an invitation to ${email}.`)).toBeVisible();
  const mail = await waitForMail((m) => m.to.includes(email));
  return linkIn(mail, `${urls.admin}/invitations/`);
}

/** Accepts an invitation as a new member of staff. */
async function accept(page: Page, link: string, name: string) {
  await page.goto(link);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Create a password").fill(PASSWORD);
  await page.getByLabel("Confirm your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Your account is ready.")).toBeVisible();
}

test("an administrator invites a user, who sets up their account and an authenticator app, and whose new role applies at once", async ({
  page,
  browser,
}) => {
  // Two people, a dozen pages, each checked with axe.
  test.setTimeout(120_000);
  const email = `new.author-${run}@observatory.test`;
  const name = "Nadia Author";

  // The administrator signs in and invites.
  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello, Amara Okafor");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Invite a user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invite a user" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send invitation" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter your email address");
  await expect(summary).toContainText("Select a role");
  await expectAccessible(page);
  const link = await invite(page, email, "Author");
  await expect(page.getByRole("table", { name: "Invitations" })).toContainText(email);

  // The invitee, at their own computer, accepts: a weak password is refused, their name is kept.
  const invitee = await secondPerson(browser);
  const them = invitee.page;
  await them.goto(link);
  await expect(them.getByRole("heading", { level: 1, name: "Set up your account" })).toBeVisible();
  await expect(them.getByText(email)).toBeVisible();
  await expectAccessible(them);
  await them.getByLabel("Full name").fill(name);
  await them.getByLabel("Create a password").fill("password123456");
  await them.getByLabel("Confirm your password").fill("password123456");
  await them.getByRole("button", { name: "Create account" }).click();
  await expect(them.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("too easy to guess");
  await expect(them.getByLabel("Full name")).toHaveValue(name);
  await expect(them.getByLabel("Create a password")).toHaveValue("");
  await expectAccessible(them);
  await them.getByLabel("Create a password").fill(PASSWORD);
  await them.getByLabel("Confirm your password").fill(PASSWORD);
  await them.getByRole("button", { name: "Create account" }).click();
  await expect(them.getByText("Your account is ready.")).toBeVisible();
  await expectAccessible(them);

  // The link works once.
  await them.goto(link);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText("This invitation has already been used");
  await expectAccessible(them);

  // They sign in, and set up an authenticator app from their account page.
  await signIn(them, email, PASSWORD);
  await expect(them.getByRole("heading", { level: 1 })).toContainText(`Hello, ${name}`);
  await expect(them.getByRole("heading", { level: 1 })).toContainText("Author");
  await expect(them.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  await them.getByRole("link", { name }).click();
  await expect(them.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectAccessible(them);
  await them.getByRole("link", { name: "Set up authenticator app" }).click();
  await expect(them.getByRole("heading", { level: 1, name: "Set up an authenticator app" })).toBeVisible();
  await expect(them.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expectAccessible(them);
  const secret = ((await them.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  await them.getByLabel("Security code").fill("000000");
  await them.getByRole("button", { name: "Turn on" }).click();
  await expect(them.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("not correct");
  await expectAccessible(them);
  // The page kept the same secret after the wrong code.
  expect(((await them.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "")).toBe(secret);
  await them.getByLabel("Security code").fill(await totpCode(secret));
  await them.getByRole("button", { name: "Turn on" }).click();
  await expect(them.getByRole("heading", { level: 1, name: "Your authenticator app is set up" })).toBeVisible();
  await expect(them.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expectAccessible(them);
  await them.getByRole("button", { name: "Continue" }).click();

  // Signing in now takes a code as well.
  await signOut(them);
  await expectAccessible(them);
  await signIn(them, email, PASSWORD);
  await expect(them.getByRole("heading", { level: 1, name: "Enter your security code" })).toBeVisible();
  await expectAccessible(them);
  // Until the code is entered, nothing else opens.
  await them.goto(`${urls.admin}/account`);
  await expect(them).toHaveURL(/\/sign-in\/verify\?redirectTo=%2Faccount$/);
  await them.getByLabel("Security code").fill(await totpCode(secret, 1));
  await them.getByRole("button", { name: "Continue" }).click();
  await expect(them.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await them.goto(`${urls.admin}/`);
  await expect(them.getByRole("heading", { level: 1 })).toContainText("Author");

  // The administrator makes them an editor; it shows at once, on both sides.
  await page.goto(`${urls.admin}/users?search=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Editor", { exact: true }).check();
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("The role has been changed.")).toBeVisible();
  await expect(page.locator(".nhsuk-summary-list")).toContainText("Editor");
  await expectAccessible(page);
  await page.goto(`${urls.admin}/users?search=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Editor");

  await them.reload();
  await expect(them.getByRole("heading", { level: 1 })).toContainText("Editor");
  await invitee.close();

  // Their sign-ins, the invitation and the role change are in the audit log.
  await page.goto(`${urls.admin}/audit`);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Action").selectOption("user.roleChanged");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("table")).toContainText(`Changed ${name}'s role from Author to Editor`);
  await page.getByLabel("From").fill("31/02/2026");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("must be a real date");
  await expectAccessible(page);
});

test("a role that must use an authenticator app sets one up before anything else", async ({ page, browser }) => {
  try {
    await signIn(page, admin.email, admin.password);
    await page.goto(`${urls.admin}/settings/security`);
    await expect(page.getByRole("heading", { level: 1, name: "Security settings" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Moderator", { exact: true }).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("The security settings have been saved.")).toBeVisible();
    const email = `new.moderator-${run}@observatory.test`;
    const link = await invite(page, email, "Moderator");

    const invitee = await secondPerson(browser);
    const them = invitee.page;
    await accept(them, link, "Milo Moderator");
    await signIn(them, email, PASSWORD, "/sign-in?redirectTo=%2Faccount");
    await expect(them.getByRole("heading", { level: 1, name: "Set up an authenticator app" })).toBeVisible();
    await expect(them.getByText("Your role must sign in with an authenticator app.")).toBeVisible();
    await expectAccessible(them);
    await them.goto(`${urls.admin}/`);
    await expect(them.getByRole("heading", { level: 1, name: "Set up an authenticator app" })).toBeVisible();
    const secret = ((await them.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    await them.getByLabel("Security code").fill(await totpCode(secret));
    await them.getByRole("button", { name: "Turn on" }).click();
    await expect(them.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await them.getByRole("button", { name: "Continue" }).click();
    await expect(them.getByRole("heading", { level: 1 })).toContainText("Milo Moderator");
    await invitee.close();
  } finally {
    // Back to the suite's policy (MFA_REQUIRED_ROLES), whatever happened above.
    await withDb((db) => db.setting.deleteMany({ where: { key: "security.mfaRequiredRoles" } }));
  }
});

test("an administrator withdraws an invitation, and its link stops working", async ({ page }) => {
  const email = `withdrawn-${run}@observatory.test`;
  await signIn(page, admin.email, admin.password);
  const link = await invite(page, email, "Moderator");
  await page.getByRole("button", { name: `Withdraw the invitation to ${email}` }).click();
  await expect(page.getByText("The invitation has been withdrawn.")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(email);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation is no longer valid");
  await expectAccessible(page);
});

test("a forgotten password is reset by email, and the link works once", async ({ page }) => {
  const email = `forgetful-${run}@observatory.test`;
  await signIn(page, admin.email, admin.password);
  const invitation = await invite(page, email, "Author");
  await signOut(page);
  await accept(page, invitation, "Fran Forgetful");

  await page.getByRole("link", { name: "I have forgotten my password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail((m) => m.to.includes(email) && m.subject.startsWith("Reset your password"));
  const link = linkIn(mail, `${urls.admin}/password-reset/`);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);
  const next = "an orchard of quiet pear trees";
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();
  await signIn(page, email, next);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fran Forgetful");

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This password reset link has already been used");
  await expectAccessible(page);
});

test("the accessibility statement is open to everyone", async ({ page }) => {
  await page.goto(`${urls.admin}/accessibility`);
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expectAccessible(page);
});

test("a signed-out visitor is sent to sign in and back, never to another site", async ({ page }) => {
  await page.goto(`${urls.admin}/users?role=EDITOR`);
  await expect(page).toHaveURL(`${urls.admin}/sign-in?redirectTo=${encodeURIComponent("/users?role=EDITOR")}`);
  await page.getByLabel("Email address").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${urls.admin}/users?role=EDITOR`);
  await signOut(page);

  for (const evil of ["//evil.example/", "/\\evil.example", "https://evil.example/"]) {
    await signIn(page, admin.email, admin.password, `/sign-in?redirectTo=${encodeURIComponent(evil)}`);
    await expect(page).toHaveURL(`${urls.admin}/`);
    await signOut(page);
  }
});

test("wrong sign-in details give one message for every case, and the form keeps the email address", async ({
  page,
}) => {
  await signIn(page, admin.email, "not the password");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter a correct email address and password");
  await expect(page.getByLabel("Email address")).toHaveValue(admin.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expectAccessible(page);
  await signIn(page, `nobody-${run}@observatory.test`, "not the password");
  await expect(summary).toContainText("Enter a correct email address and password");
});

test("writes from another origin are refused, signed in or not", async ({ page, request }) => {
  const evil = { Origin: "https://evil.example" };
  const signInForm = { email: admin.email, password: admin.password };
  const forged = await request.post(`${urls.admin}/sign-in`, { headers: evil, form: signInForm, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(forged.headers()["set-cookie"]).toBeUndefined();
  const noOrigin = await request.post(`${urls.admin}/sign-in`, {
    headers: { "Sec-Fetch-Site": "cross-site" },
    form: signInForm,
    maxRedirects: 0,
  });
  expect(noOrigin.status()).toBe(403);
  const viaApi = await request.post(`${urls.admin}/api/trpc/auth.signIn`, { headers: evil, data: signInForm });
  expect(viaApi.status()).toBe(403);
  // The public site is another origin too.
  const fromPublicSite = await request.post(`${urls.admin}/sign-in`, {
    headers: { Origin: urls.web },
    form: signInForm,
    maxRedirects: 0,
  });
  expect(fromPublicSite.status()).toBe(403);
  const sameOrigin = await request.post(`${urls.admin}/sign-in`, {
    headers: { Origin: urls.admin },
    form: signInForm,
    maxRedirects: 0,
  });
  expect(sameOrigin.status()).toBe(302);

  // A signed-in administrator's browser, lured to another site, cannot be made to invite anyone.
  await signIn(page, admin.email, admin.password);
  const email = `forged-${run}@evil.example`;
  const lured = await page.request.post(`${urls.admin}/users/invite`, {
    headers: evil,
    form: { email, role: "ADMIN" },
    maxRedirects: 0,
  });
  expect(lured.status()).toBe(403);
  await page.goto(`${urls.admin}/users`);
  await expect(page.getByRole("main")).not.toContainText(email);
});

test("admin pages cannot be framed by another site, kept in a shared cache, or leak their address", async ({
  request,
}) => {
  const headers = (await request.get(`${urls.admin}/sign-in`)).headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["referrer-policy"]).toBe("same-origin");
  const tokenPage = (await request.get(`${urls.admin}/invitations/not-a-real-token`)).headers();
  expect(tokenPage["referrer-policy"]).toBe("no-referrer");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in, its errors and signing out work as plain forms", async ({ page }) => {
    await signIn(page, admin.email, "not the password");
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
      "Enter a correct email address and password",
    );
    await expect(page.getByLabel("Email address")).toHaveValue(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello, Amara Okafor");
    await signOut(page);
  });
});
