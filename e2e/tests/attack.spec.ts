import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { urls } from "../playwright.config";
import { singleLinePayloads, xssPayloads } from "./attack-payloads";
import { deleteItems, insertItems, uniqueMarker, withDb } from "./public-helpers";
import { signInAs } from "./staff-helpers";

// What an attacker would try, on both apps: script injection through every text field readers and
// staff fill, rendered in Chromium; bodies too large or sent in chunks; control characters; the
// security headers on every route; writes from another site to every admin action; and the
// sign-in return address.

/** Fails the test if any payload runs: each calls window.__xss(n), or opens a dialog. */
async function trapScripts(page: Page): Promise<() => Promise<void>> {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    const fired: number[] = [];
    Object.assign(window, { __xss: (n: number) => fired.push(n), __xssFired: fired });
  });
  return async () => {
    const fired = await page.evaluate(() => (window as unknown as { __xssFired: number[] }).__xssFired);
    expect(fired, "payloads that ran").toEqual([]);
    expect(dialogs, "dialogs opened").toEqual([]);
  };
}

async function commentForm(request: APIRequestContext, articlePath: string) {
  const html = await (await request.get(`${urls.web}${articlePath}`)).text();
  const formToken = /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const itemId = /name="itemId" value="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(formToken).not.toBe("");
  return { formToken, itemId };
}

test.describe("script injection", () => {
  test("payloads in readers' comments and names never run, in the moderation queue or on the public page", async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const marker = uniqueMarker("xss");
    const slug = `attack-${marker}`;
    const [itemId] = await insertItems([{ slug, title: "An article readers attack" }]);
    try {
      const articlePath = `/news/${slug}`;
      const form = await commentForm(request, articlePath);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      for (const [n, payload] of xssPayloads.entries()) {
        const response = await request.post(`${urls.web}${articlePath}`, {
          form: {
            ...form,
            name: singleLinePayloads[n % singleLinePayloads.length] ?? "",
            email: `${marker}-${n}@example.org`,
            body: `${payload} ${marker}`,
          },
          maxRedirects: 0,
        });
        expect(response.status(), payload).toBe(303);
      }
      expect(await withDb((db) => db.comment.count({ where: { itemId } }))).toBe(xssPayloads.length);

      const verify = await trapScripts(page);
      await signInAs(page, "moderator");
      for (const status of ["PENDING", "SPAM"]) {
        await page.goto(`${urls.admin}/comments?status=${status}&itemId=${itemId}`);
        await verify();
      }
      const one = await withDb((db) => db.comment.findFirstOrThrow({ where: { itemId }, select: { id: true } }));
      await page.goto(`${urls.admin}/comments/${one.id}`);
      await verify();

      await withDb((db) =>
        db.comment.updateMany({ where: { itemId }, data: { status: "APPROVED", approvedAt: new Date() } }),
      );
      await page.goto(`${urls.web}${articlePath}`);
      await expect(page.getByText(`${xssPayloads[0]} ${marker}`)).toBeVisible();
      await verify();
    } finally {
      if (itemId) await deleteItems([itemId]);
    }
  });

  test("payloads in a search are shown as text and never run", async ({ page }) => {
    test.setTimeout(180_000);
    const verify = await trapScripts(page);
    for (const payload of singleLinePayloads) {
      await page.goto(`${urls.web}/search?q=${encodeURIComponent(payload)}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Search results for ${payload.trim()}`);
    }
    await verify();
  });

  test("payloads in staff content never run in the admin, its preview or on the public site", async ({ page }) => {
    test.setTimeout(240_000);
    const verify = await trapScripts(page);
    await signInAs(page, "editor");
    const created: string[] = [];
    try {
      // Every payload as a title, summary and body, through the admin's own form (the body as the plain
      // box without JavaScript sends it: HTML, read through the document schema).
      for (const [n, payload] of singleLinePayloads.entries()) {
        const response = await page.request.post(`${urls.admin}/content/new`, {
          form: {
            title: payload,
            kind: "NEWS",
            summary: payload,
            bodyHtml: xssPayloads[n] ?? payload,
            seoTitle: payload,
          },
          headers: { Origin: urls.admin },
          maxRedirects: 0,
        });
        expect(response.status(), payload).toBe(302);
        created.push(/\/content\/([^/?]+)/.exec(response.headers().location ?? "")?.[1] ?? "");
      }
      // One item holds every payload in its body.
      const everything = await page.request.post(`${urls.admin}/content/new`, {
        form: { title: "Every payload", kind: "NEWS", summary: "All of them", bodyHtml: xssPayloads.join("\n\n") },
        headers: { Origin: urls.admin },
        maxRedirects: 0,
      });
      const allId = /\/content\/([^/?]+)/.exec(everything.headers().location ?? "")?.[1] ?? "";
      created.push(allId);

      for (let p = 1; p <= 5; p += 1) {
        await page.goto(`${urls.admin}/content${p > 1 ? `?page=${p}` : ""}`);
        await verify();
      }
      for (const id of [allId, created[0], created[50]]) {
        await page.goto(`${urls.admin}/content/${id}`);
        await page.goto(`${urls.admin}/content/${id}/preview`);
        await verify();
      }
      // Published, the item with every payload is read on the public site.
      const [publicId] = await insertItems([
        {
          slug: `attack-body-${uniqueMarker("p")}`,
          title: singleLinePayloads[0] ?? "",
          body: xssPayloads.join("\n\n"),
        },
      ]);
      created.push(publicId ?? "");
      const slug = await withDb(
        async (db) =>
          (await db.contentItem.findUniqueOrThrow({ where: { id: publicId }, select: { slug: true } })).slug,
      );
      await page.goto(`${urls.web}/news/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(singleLinePayloads[0] ?? "");
      await page.goto(`${urls.web}/news`);
      await page.goto(`${urls.web}/feeds/all.xml`);
      await verify();
    } finally {
      await deleteItems(created.filter(Boolean));
    }
  });
});

test.describe("request bodies", () => {
  test("a chunked body past the limit is refused with 413 after the limit, never echoed", async () => {
    test.setTimeout(60_000);
    const marker = "0123456789abcdef".repeat(4096); // 64 KB a chunk
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close();
        sent += marker.length;
        controller.enqueue(new TextEncoder().encode(marker));
      },
    });
    for (const [url, type] of [
      [`${urls.web}/news/x`, "application/x-www-form-urlencoded"],
      [`${urls.web}/api/trpc/comments.submit`, "application/json"],
      [`${urls.admin}/sign-in`, "application/x-www-form-urlencoded"],
    ] as const) {
      sent = 0;
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": type },
        body: url.startsWith(urls.web) && url.endsWith("/x") ? body : new Blob(["x".repeat(3 * 1024 * 1024)]),
        // @ts-expect-error Node's fetch needs this to stream a request body
        duplex: "half",
      });
      expect(response.status, url).toBe(413);
      const text = await response.text();
      expect(text).toContain("What you sent is too large");
      expect(text).not.toContain("0123456789abcdef");
      expect(text.length).toBeLessThan(20_000);
    }
  });

  test("control characters in any field are refused beside the field, and a title cannot hold a line break", async ({
    page,
    request,
  }) => {
    const slug = `attack-nul-${uniqueMarker("n")}`;
    const [itemId] = await insertItems([{ slug, title: "An article for control characters" }]);
    try {
      const form = await commentForm(request, `/news/${slug}`);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      for (const field of ["name", "email", "body"]) {
        const response = await request.post(`${urls.web}/news/${slug}`, {
          form: { ...form, name: "A reader", email: "reader@example.org", body: "Fine.", [field]: "bad\u0000text" },
          maxRedirects: 0,
        });
        expect(response.status(), field).toBe(400);
        expect(await response.text()).toContain("hidden control character");
      }
      expect(await withDb((db) => db.comment.count({ where: { itemId } }))).toBe(0);
      const search = await request.get(`${urls.web}/search?q=${encodeURIComponent("health\u0000")}`);
      expect(search.status()).toBe(400);
      expect(await search.text()).toContain("hidden control character");

      await signInAs(page, "author");
      await page.goto(`${urls.admin}/content/new`);
      const response = await page.request.post(`${urls.admin}/content/new`, {
        form: { title: "Two\nlines", kind: "NEWS", summary: "", bodyHtml: "<p>Body</p>" },
        headers: { Origin: urls.admin },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(400);
      expect(await response.text()).toContain("Title must be on one line");
    } finally {
      if (itemId) await deleteItems([itemId]);
    }
  });
});

/** The admin's routes that take a POST, with a made-up id wherever the path has one. */
function adminActionPaths(): string[] {
  const dir = path.resolve(import.meta.dirname, "../../apps/admin/app/routes");
  return fs
    .readdirSync(dir)
    .filter((file) => /export (async )?function action/.test(fs.readFileSync(path.join(dir, file), "utf8")))
    .map(
      (file) =>
        `/${file
          .replace(/\.tsx?$/, "")
          .replace(/\._index$|^_index$/, "")
          .split(".")
          .map((part) => (part.startsWith("$") ? "made-up-id" : part))
          .join("/")}`.replace(/\/$/, "") || "/",
    );
}

test.describe("the edge", () => {
  test("every route of both apps carries the security headers", async ({ request }) => {
    const routes = [
      ...[
        "/",
        "/news",
        "/blogs",
        "/search?q=x",
        "/priorities",
        "/feeds/all.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/no-such-page",
      ].map((p) => `${urls.web}${p}`),
      ...["/sign-in", "/password-reset", "/accessibility", "/healthz", "/content"].map((p) => `${urls.admin}${p}`),
    ];
    for (const url of routes) {
      const response = await request.get(url, { maxRedirects: 0 });
      const headers = response.headers();
      const csp = headers["content-security-policy"] ?? "";
      expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
      expect(csp, url).not.toMatch(/unsafe-inline|unsafe-eval/);
      for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
        expect(csp, url).toContain(directive);
      }
      expect(csp, url).toContain(url.startsWith(urls.admin) ? "frame-ancestors 'none'" : "frame-ancestors 'self'");
      expect(headers["x-content-type-options"], url).toBe("nosniff");
      expect(headers["referrer-policy"], url).toBeTruthy();
      expect(headers["permissions-policy"], url).toContain("camera=()");
    }
  });

  test("a write from another site to any admin action is refused with a 403 page", async ({ request }) => {
    const paths = adminActionPaths();
    expect(paths.length).toBeGreaterThan(15);
    for (const p of paths) {
      const attempts: Record<string, string>[] = [
        { Origin: "https://evil.example" },
        { "Sec-Fetch-Site": "cross-site" },
      ];
      for (const headers of attempts) {
        const response = await request.post(`${urls.admin}${p}`, {
          headers,
          form: { intent: "save" },
          maxRedirects: 0,
        });
        expect(response.status(), `${p} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.text()).toContain("This request was refused");
      }
    }
    const web = await request.post(`${urls.web}/news/x`, {
      headers: { Origin: "https://evil.example" },
      form: { a: "b" },
    });
    expect(web.status()).toBe(403);
  });

  test("odd methods, bodies and paths get their own status and a page in the site's look", async ({ request }) => {
    for (const base of [urls.web, urls.admin]) {
      for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
        const response = await request.fetch(`${base}/`, { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${base}`).toBe(405);
        expect(response.headers().allow).toBe("GET, HEAD, POST");
      }
      const xml = await request.post(`${base}/sign-in`, {
        headers: { "Content-Type": "application/xml" },
        data: "<a/>",
        maxRedirects: 0,
      });
      expect(xml.status()).toBe(415);
      expect(await xml.text()).toContain('class="nhsuk-header');
    }
    for (const p of ["//", "/%00", "/news/%00"]) {
      const response = await request.get(`${urls.web}${p}`, { maxRedirects: 0 });
      expect(response.status(), p).toBe(400);
    }
  });

  test("the admin opened by another name of its loopback address goes to the configured one before any form", async ({
    page,
  }) => {
    const other = urls.admin.replace("localhost", "127.0.0.1");
    await page.goto(`${other}/sign-in`);
    expect(page.url()).toBe(`${urls.admin}/sign-in`);
    await page.getByLabel("Email address").fill("editor@observatory.test");
    await page.getByLabel("Password").fill("demo-editor-passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  });

  test("an unknown content id in the admin is a 404", async ({ page }) => {
    await signInAs(page, "editor");
    const response = await page.goto(`${urls.admin}/content/no-such-item`);
    expect(response?.status()).toBe(404);
  });
});

test.describe("the sign-in return address", () => {
  const payloads = [
    "//evil.example",
    "/\\evil.example",
    "https:evil.example",
    "https://evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2F%2Fevil.example",
    "javascript:alert(1)",
  ];

  test("never leads to another site, before or right after signing in", async ({ page }) => {
    for (const payload of payloads) {
      const before = await page.request.get(`${urls.admin}/sign-in?redirectTo=${encodeURIComponent(payload)}`, {
        maxRedirects: 0,
      });
      expect(before.status(), payload).toBe(200);
      const signIn = await page.request.post(`${urls.admin}/sign-in?redirectTo=${encodeURIComponent(payload)}`, {
        form: { email: "editor@observatory.test", password: "demo-editor-passphrase" },
        headers: { Origin: urls.admin },
        maxRedirects: 0,
      });
      expect(signIn.status(), payload).toBe(302);
      const location = signIn.headers().location ?? "";
      expect(new URL(location, urls.admin).origin, `${payload} -> ${location}`).toBe(urls.admin);
      expect(location.startsWith("//"), location).toBe(false);
      // Signed in now: the sign-in page sends the visitor on at once, through the same check.
      for (const page_ of [
        `/sign-in?redirectTo=${encodeURIComponent(payload)}`,
        `/sign-in.data?redirectTo=${encodeURIComponent(payload)}`,
      ]) {
        const again = await page.request.get(`${urls.admin}${page_}`, { maxRedirects: 0 });
        const next = again.headers().location ?? again.headers()["x-remix-redirect"] ?? "";
        if (next) expect(new URL(next, urls.admin).origin, `${page_} -> ${next}`).toBe(urls.admin);
        expect(next.startsWith("//"), next).toBe(false);
      }
      await page.context().clearCookies();
    }
  });
});
