import { createItem } from "@observatory/db/testing";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../fixtures";
import { urls } from "../playwright.config";
import { userIdOf, withDb } from "./database";
import { drawnPng, removeItems, saveNewDraft, signInAs, uploadImage } from "./staff-helpers";

// The media library, with the keyboard: an author uploads an image with its alt text, finds it in
// the library, adds a caption, and chooses it as an item's lead image; the public site draws a
// published item's lead image as its card picture and its og:image.

const run = Date.now().toString(36);
const imageTitle = `Waiting room ${run}`;
const alt = `A waiting room with a yellow poster, ${run}`;

test.afterAll(async () => {
  await removeItems([`media-journey-${run}%`]);
  await withDb((db) => db.media.deleteMany({ where: { title: { startsWith: imageTitle } } }));
});

/** Moves focus to a control and acts on it with the keyboard, as a person tabbing to it would. */
async function press(locator: Locator, key = "Enter"): Promise<void> {
  await locator.focus();
  await locator.press(key);
}

async function type(page: Page, locator: Locator, text: string): Promise<void> {
  await locator.focus();
  await page.keyboard.type(text);
}

test("an author uploads, finds, describes and uses a library image", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "author");

  await press(page.getByRole("link", { name: "Media library" }).first());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Media library");
  await expectAccessible(page);

  await press(page.getByRole("button", { name: "Upload an image" }));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upload an image");
  await page.waitForLoadState("networkidle");
  await expect(page.getByText("Drop an image here, or choose a file")).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: the error is beside the field and in the summary.
  await press(page.getByRole("button", { name: "Upload" }));
  await expect(page.getByRole("alert")).toContainText("Choose an image");
  await expect(page.locator("#file-error")).toContainText("Choose an image");
  await expectAccessible(page);

  // A text file named .png is refused on its bytes.
  await page
    .getByLabel("Drop an image here, or choose a file")
    .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
  await type(page, page.getByLabel("Alt text"), alt);
  await press(page.getByRole("button", { name: "Upload" }));
  await expect(page.locator("#file-error")).toContainText("The image must be a PNG, JPEG, GIF or WebP");
  await expect(page.getByLabel("Alt text")).toHaveValue(alt);

  // Dropped on the drop zone (with JavaScript), it goes into the file input the form sends.
  const png = (await drawnPng(page, 800, 400)).toString("base64");
  const dropped = await page.evaluateHandle((base64) => {
    const transfer = new DataTransfer();
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    transfer.items.add(new File([bytes], "waiting-room.png", { type: "image/png" }));
    return transfer;
  }, png);
  await page.locator(".admin-drop-zone").dispatchEvent("dragover", { dataTransfer: dropped });
  await page.locator(".admin-drop-zone").dispatchEvent("drop", { dataTransfer: dropped });
  await expect(page.getByText("Chosen: waiting-room.png")).toBeVisible();
  await type(page, page.getByLabel("Title (optional)"), imageTitle);
  await page.getByLabel("Title (optional)").press("Enter");
  await expect(page.getByText("Image uploaded")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(imageTitle);
  await expect(page.getByText("800 × 400 pixels")).toBeVisible();
  await expect(page.getByRole("link", { name: "AVIF, 640 × 320" })).toBeVisible();
  const imagePage = page.url();
  expect(imagePage).toMatch(/\/media\/[a-z0-9]+\/edit\?uploaded=1$/);
  await expectAccessible(page);

  // Found in the library by its alt text.
  await press(page.getByRole("link", { name: "Back to the media library" }));
  await type(page, page.getByLabel("Title, alt text or file name contains"), `yellow poster, ${run}`);
  await page.getByLabel("Title, alt text or file name contains").press("Enter");
  await expect(page.getByRole("table")).toContainText(alt);
  await expectAccessible(page);

  await press(page.getByRole("link", { name: imageTitle }));
  await page.waitForLoadState("networkidle");
  await type(page, page.getByLabel("Caption (optional)"), "The new waiting room opened in May.");
  await press(page.getByRole("button", { name: "Save changes" }));
  await expect(page.getByText("Your changes have been saved")).toBeVisible();
  await expect(page.getByLabel("Caption (optional)")).toHaveValue("The new waiting room opened in May.");
  // An image's id alone leads to its page.
  const mediaId = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.goto(`${urls.admin}/media/${mediaId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(imageTitle);

  // Chosen as a draft's lead image, shown in the preview as the public page would show it.
  const editorUrl = await saveNewDraft(page, {
    title: `Media journey ${run}`,
    summary: "A new waiting room.",
    body: "The waiting room is open.",
  });
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Lead image (optional)").selectOption({ label: imageTitle });
  await expect(page.getByText(`Alt text: ${alt}`)).toBeVisible();
  await press(page.getByRole("button", { name: "Save changes" }));
  await expect(page.getByText("Your changes have been saved")).toBeVisible();
  await expect(page.getByLabel("Lead image (optional)")).toHaveValue(mediaId);
  await expectAccessible(page);
  await page.goto(`${editorUrl.replace(/\?.*$/, "")}/preview`);
  const picture = page.locator("figure picture");
  await expect(picture.locator("img")).toHaveAttribute("alt", alt);
  await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute("srcset", /-320\.avif 320w/);
  await expect(page.locator("figcaption")).toHaveText("The new waiting room opened in May.");

  // Its library page now says where it is used.
  await page.goto(imagePage.replace(/\?.*$/, ""));
  await expect(page.getByRole("link", { name: `Media journey ${run}` })).toBeVisible();
});

test("the public site draws a published item's lead image as its picture, card and og:image", async ({ page }) => {
  // Its own image, so that this journey stands alone.
  await signInAs(page, "author");
  await uploadImage(page, { title: `${imageTitle} (published)`, alt });
  const media = await withDb((db) =>
    db.media.findFirstOrThrow({ where: { title: `${imageTitle} (published)` }, select: { id: true } }),
  );
  const slug = `media-journey-${run}-published`;
  await withDb(async (db) => {
    const item = await createItem(db, {
      authorId: await userIdOf(db, "author@observatory.test"),
      slug,
      live: { title: `Media journey ${run} published` },
    });
    await db.revision.updateMany({ where: { itemId: item.id }, data: { leadImageId: media.id } });
  });

  await page.goto(`${urls.web}/news/${slug}`);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(new RegExp(`^${urls.web}/media/[a-z0-9]{24}-640\\.jpg$`));
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute("content", alt);
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "640");
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "320");
  await expectAccessible(page);

  const file = await page.request.get(ogImage ?? "");
  // The drawing has no transparent pixels: its fallback is JPEG.
  expect(file.headers()["content-type"]).toBe("image/jpeg");
  expect(file.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  const avif = await page.request.get((ogImage ?? "").replace(/\.jpg$/, ".avif"));
  expect(avif.headers()["content-type"]).toBe("image/avif");
  expect((await page.request.get(`${urls.web}/media/abcdefabcdefabcdefabcdef.png`)).status()).toBe(404);
  expect((await page.request.get(`${urls.web}/media/..%2f..%2fpackage.json`)).status()).toBeGreaterThanOrEqual(400);

  await page.goto(`${urls.web}/news`);
  const card = page
    .locator(".observatory-item--with-image", { hasText: `Media journey ${run} published` })
    .locator("img");
  await expect(card).toHaveAttribute("alt", alt);
  await expect(card).toHaveAttribute("loading", "lazy");
  await expect(card).toHaveAttribute("width", "800");
  await expect(card).toHaveAttribute("height", "400");
  await expect(card).toHaveAttribute("sizes", /200px/);
  await expectAccessible(page);
});
