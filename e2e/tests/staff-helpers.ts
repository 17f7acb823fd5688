import type { Page } from "@playwright/test";
import { expect } from "../fixtures";
import { urls } from "../playwright.config";
import { withDb } from "./database";

export type DemoRole = "admin" | "editor" | "author" | "moderator" | "clinician";

/** Signs in to the admin as the seeded demo user of `role` and waits for the dashboard. */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.goto(`${urls.admin}/sign-in`);
  await page.getByLabel("Email address").fill(`${role}@observatory.test`);
  await page.getByLabel("Password").fill(`demo-${role}-passphrase`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
}

/**
 * Writes a new news item in the admin's editor and saves it as a draft; returns the editor's URL.
 */
export async function saveNewDraft(
  page: Page,
  { title, summary, body }: { title: string; summary: string; body: string },
): Promise<string> {
  await page.goto(`${urls.admin}/content/new`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Kind of content").selectOption("NEWS");
  await page.getByLabel("Summary", { exact: true }).fill(summary);
  await typeBody(page, body);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url();
}

/**
 * Types a body into the rich-text editor with the keyboard, replacing what it held. Its Markdown-like
 * shortcuts apply as a person typing gets them: "## " starts a heading, "- " a list, "**" bold.
 */
export async function typeBody(page: Page, text: string): Promise<void> {
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(body).toHaveAttribute("contenteditable", "true");
  await body.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

/** A PNG the browser draws: a white or blue field with dark blue blocks, `width` by `height`. */
export async function drawnPng(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      const context = canvas.getContext("2d");
      if (context) {
        context.fillStyle = "#005eb8";
        context.fillRect(0, 0, w, h);
        context.fillStyle = "#ffb81c";
        context.fillRect(w / 8, h / 4, w / 3, h / 2);
      }
      return canvas.toDataURL("image/png");
    },
    [width, height] as const,
  );
  return Buffer.from(dataUrl.split(",")[1] ?? "", "base64");
}

/** Puts a drawn image into the media library through its upload page, as a signed-in writer. */
export async function uploadImage(
  page: Page,
  { title, alt, width = 800, height = 400 }: { title: string; alt: string; width?: number; height?: number },
): Promise<void> {
  await page.goto(`${urls.admin}/media/upload`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Drop an image here, or choose a file").setInputFiles({
    name: `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.png`,
    mimeType: "image/png",
    buffer: await drawnPng(page, width, height),
  });
  await page.getByLabel("Alt text").focus();
  await page.keyboard.type(alt);
  await page.getByLabel("Title (optional)").focus();
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Image uploaded")).toBeVisible();
}

/**
 * Removes the content items a journey created (slugs matching any of the LIKE patterns), with their
 * revisions, reviews, share links and redirects, so that other journeys keep the seeded counts.
 */
export async function removeItems(slugPatterns: string[]): Promise<void> {
  await withDb((db) =>
    db.contentItem.deleteMany({
      where: { OR: slugPatterns.map((pattern) => slugMatching(pattern)) },
    }),
  );
}

/** A Prisma condition for a LIKE pattern with % only at its ends ("e2e-%", "%-draft"). */
function slugMatching(pattern: string) {
  const core = pattern.replace(/^%|%$/g, "");
  if (pattern.startsWith("%") && pattern.endsWith("%")) return { slug: { contains: core } };
  if (pattern.endsWith("%")) return { slug: { startsWith: core } };
  if (pattern.startsWith("%")) return { slug: { endsWith: core } };
  return { slug: core };
}
