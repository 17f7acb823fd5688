import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { configureForTests } from "../testing/config.ts";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";
import { mediaForRender } from "./render.ts";
import { readMedia } from "./serve.ts";
import { mediaStore } from "./store.ts";
import { readVariants } from "./variants.ts";

// Uploads go to a scratch folder, not the repository's .data.
configureForTests({ mediaDir: mkdtempSync(path.join(tmpdir(), "observatory-media-")) });

type Caller = Awaited<ReturnType<Harness["as"]>>;

/** A photograph-like JPEG, `width` by `height`, taken sideways (EXIF orientation 6) at a GPS position. */
async function photo(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Observatory camera" },
      IFD3: { GPSMapDatum: "WGS-84", GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const transparentPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();

const upload = (api: Caller, bytes: Buffer, fields: Record<string, string | boolean> = {}) =>
  api.media.upload({
    fileName: "chart.png",
    contentBase64: bytes.toString("base64"),
    alt: "Waiting times by region",
    ...fields,
  });

describe("uploading to the media library", () => {
  const h = useHarness();
  let author: Caller;

  beforeAll(async () => {
    author = await h.as("AUTHOR");
  });

  it("turns a photo upright, strips its metadata (GPS) and makes every width in AVIF, WebP and JPEG", async () => {
    const original = await photo(2000, 1000);
    const sent = await sharp(original).metadata();
    expect(sent.orientation).toBe(6);
    expect(sent.exif?.includes(Buffer.from("WGS-84"))).toBe(true);
    const { id } = await upload(author, original, { fileName: "IMG_0042.jpg", alt: "Staff at the launch" });
    const stored = await h.db.media.findUniqueOrThrow({ where: { id } });
    // Orientation 6 is a quarter turn: the picture is 1000 wide and 2000 tall.
    expect(stored).toMatchObject({ width: 1000, height: 2000, mimeType: "image/jpeg", title: "IMG_0042" });
    const kept = await mediaStore().get(stored.storageKey);
    const keptMeta = await sharp(kept ?? Buffer.alloc(0)).metadata();
    expect(keptMeta.exif).toBeUndefined();
    expect(keptMeta.orientation).toBeUndefined();
    const variants = readVariants(stored.variants);
    expect(variants.map((v) => `${v.width}:${v.format}`).sort()).toEqual(
      ["320", "640", "960"].flatMap((w) => [`${w}:avif`, `${w}:jpeg`, `${w}:webp`]).sort(),
    );
    for (const variant of variants) {
      const file = await readMedia(variant.key);
      expect(file?.mimeType).toBe(
        { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" }[variant.format],
      );
      const meta = await sharp(file?.bytes).metadata();
      expect(meta.width).toBe(variant.width);
      expect(meta.height).toBe(variant.width * 2);
      expect(meta.exif).toBeUndefined();
    }
    const audit = await h.db.auditEvent.findFirst({ where: { targetId: id, action: "media.upload" } });
    expect(audit?.summary).toContain("IMG_0042.jpg");
  });

  it("takes the type from the bytes: a PNG named .jpg is a PNG, with PNG fallbacks when it has transparency", async () => {
    const { id } = await upload(author, await transparentPng(200, 100), { fileName: "logo.jpg" });
    const stored = await h.db.media.findUniqueOrThrow({ where: { id } });
    expect(stored.mimeType).toBe("image/png");
    expect(stored.storageKey).toMatch(/\.png$/);
    // Narrower than the narrowest width: made once, at its own width.
    expect(
      readVariants(stored.variants)
        .map((v) => `${v.width}x${v.height}:${v.format}`)
        .sort(),
    ).toEqual(["200x100:avif", "200x100:png", "200x100:webp"]);
  });

  it("refuses a text file named .png, a file over 5 MB, a damaged image and missing or useless alt text, beside the field", async () => {
    const before = await h.db.media.count();
    const text = await refusal(upload(author, Buffer.from("<script>alert(1)</script>"), { fileName: "innocent.png" }));
    expect(text.code).toBe("BAD_REQUEST");
    expect((text.cause as { fields?: Record<string, string> }).fields?.file).toBe(
      "The image must be a PNG, JPEG, GIF or WebP",
    );
    const huge = Buffer.concat([await transparentPng(10, 10), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await refusal(upload(author, huge))).code).toBe("BAD_REQUEST");
    const damaged = (await transparentPng(50, 50)).subarray(0, 60);
    const broken = await refusal(upload(author, damaged));
    expect((broken.cause as { fields?: Record<string, string> }).fields?.file).toContain("could not be read");
    const noAlt = await refusal(upload(author, await transparentPng(10, 10), { alt: " " }));
    expect((noAlt.cause as { fields?: Record<string, string> }).fields?.alt).toContain("mark it as decorative");
    const fileNameAlt = await refusal(
      upload(author, await transparentPng(10, 10), { fileName: "chart.png", alt: "Chart.PNG" }),
    );
    expect((fileNameAlt.cause as { fields?: Record<string, string> }).fields?.alt).toContain("cannot be the file name");
    const twoLines = await refusal(upload(author, await transparentPng(10, 10), { alt: "One\nTwo" }));
    expect(twoLines.code).toBe("BAD_REQUEST");
    expect(await h.db.media.count()).toBe(before);
  });

  it("stores a decorative image without alt text", async () => {
    const { id } = await upload(author, await transparentPng(40, 40), { alt: "Ignored", decorative: true });
    expect(await h.db.media.findUniqueOrThrow({ where: { id } })).toMatchObject({ alt: "", decorative: true });
  });

  it("lets only people who write content use the library", async () => {
    const moderator = await h.as("MODERATOR");
    const before = await h.db.media.count();
    expect((await refusal(upload(moderator, await transparentPng(10, 10)))).code).toBe("FORBIDDEN");
    expect((await refusal(moderator.media.list({}))).code).toBe("FORBIDDEN");
    expect((await refusal((await h.anonymous()).media.list({}))).code).toBe("UNAUTHORIZED");
    expect(await h.db.media.count()).toBe(before);
    const editor = await h.as("EDITOR");
    expect((await editor.media.list({})).items.length).toBe(before);
  });

  it("serves only library keys: path tricks and unknown keys are not found", async () => {
    for (const key of ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", ".hidden", "abcdefabcdefabcdefabcdef.png", ""]) {
      expect(await readMedia(key)).toBeNull();
    }
  });
});

describe("describing, finding and drawing library images", () => {
  const h = useHarness();
  let editor: Caller;
  let chartId: string;

  beforeAll(async () => {
    editor = await h.as("EDITOR");
    chartId = (
      await upload(editor, await transparentPng(1400, 700), { fileName: "waiting-times.png", alt: "Bar chart" })
    ).id;
    await upload(editor, await photo(400, 300), { fileName: "launch.jpg", alt: "Guests at the report launch" });
  });

  it("changes alt text, caption, credit and title, and records who did", async () => {
    await editor.media.update({
      id: chartId,
      title: "Waiting times 2026",
      alt: "Bar chart of waiting times by region",
      decorative: false,
      caption: "Waiting times rose in every region.",
      credit: "Chart: Observatory analysis",
    });
    const got = await editor.media.get({ id: chartId });
    expect(got).toMatchObject({
      title: "Waiting times 2026",
      alt: "Bar chart of waiting times by region",
      caption: "Waiting times rose in every region.",
      credit: "Chart: Observatory analysis",
      width: 1400,
      height: 700,
    });
    expect(got.variants.map((v) => v.width)).toContain(1280);
    expect(await h.db.auditEvent.count({ where: { targetId: chartId, action: "media.update" } })).toBe(1);
    const refused = await refusal(
      editor.media.update({ id: chartId, title: "", alt: "", decorative: false, caption: "", credit: "" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect((await h.db.media.findUniqueOrThrow({ where: { id: chartId } })).alt).toBe(
      "Bar chart of waiting times by region",
    );
    expect(
      (
        await refusal(
          editor.media.update({ id: "nope", title: "", alt: "x", decorative: false, caption: "", credit: "" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });

  it("finds images by title, alt text or file name, newest first", async () => {
    const titles = async (q: string) => (await editor.media.list({ q })).items.map((m) => m.title);
    expect(await titles("")).toEqual(["launch", "Waiting times 2026"]);
    expect(await titles("waiting TIMES")).toEqual(["Waiting times 2026"]);
    expect(await titles("guests")).toEqual(["launch"]);
    expect(await titles("launch.jpg")).toEqual(["launch"]);
    expect(await titles("nothing like it")).toEqual([]);
  });

  it("pages through the library without repeating or skipping an image", async () => {
    for (let n = 0; n < 25; n += 1) {
      await h.db.media.create({
        data: {
          storageKey: `${String(n).padStart(24, "a")}.png`,
          fileName: `bulk-${n}.png`,
          mimeType: "image/png",
          byteSize: 1,
          title: `Bulk ${n}`,
          alt: `Bulk image ${n}`,
          uploadedById: (await h.db.user.findFirstOrThrow()).id,
        },
      });
    }
    const first = await editor.media.list({ q: "bulk" });
    expect(first.items).toHaveLength(24);
    const second = await editor.media.list({ q: "bulk", after: first.next ?? "" });
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
    expect(new Set([...first.items, ...second.items].map((m) => m.id)).size).toBe(25);
    expect((await refusal(editor.media.list({ after: "garbage" }))).code).toBe("BAD_REQUEST");
  });

  it("gives the renderer each image's files: the widest fallback, its widths, then AVIF and WebP", async () => {
    const found = await mediaForRender(h.db, [chartId, "unknown"]);
    expect([...found.keys()]).toEqual([chartId]);
    const chart = found.get(chartId);
    expect(chart).toMatchObject({ width: 1400, height: 700, credit: "Chart: Observatory analysis" });
    expect(chart?.src).toMatch(/^\/media\/[a-z0-9]{24}-1280\.png$/);
    expect(chart?.srcset.split(", ").map((s) => s.split(" ")[1])).toEqual(["320w", "640w", "960w", "1280w"]);
    expect(chart?.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(chart?.sources[0]?.srcset).toMatch(/-320\.avif 320w, .*-1280\.avif 1280w$/);
  });

  it("makes the variants of an image uploaded before the library, the first time it is drawn", async () => {
    const key = "legacylegacylegacylegacy.jpg";
    await mediaStore().put(
      key,
      await sharp({ create: { width: 700, height: 350, channels: 3, background: "#333" } })
        .jpeg()
        .toBuffer(),
      "image/jpeg",
    );
    const legacy = await h.db.media.create({
      data: {
        storageKey: key,
        fileName: "old.jpg",
        mimeType: "image/jpeg",
        byteSize: 1,
        title: "old.jpg",
        alt: "An old image",
        uploadedById: (await h.db.user.findFirstOrThrow()).id,
      },
    });
    const drawn = (await mediaForRender(h.db, [legacy.id])).get(legacy.id);
    expect(drawn).toMatchObject({ width: 700, height: 350, src: "/media/legacylegacylegacylegacy-640.jpg" });
    expect(readVariants((await h.db.media.findUniqueOrThrow({ where: { id: legacy.id } })).variants)).toHaveLength(6);
  });
});
