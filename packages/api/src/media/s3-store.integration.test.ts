import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureForTests } from "../testing/config.ts";
import { useHarness } from "../testing/harness.ts";
import { type S3Server, startS3Server } from "../testing/s3-server.ts";
import { parseS3Url, s3Store } from "./s3-store.ts";
import { readMedia } from "./serve.ts";
import { readVariants } from "./variants.ts";

// Media in an object store: every read and write goes over the S3 protocol to a real server, and
// what one instance stores another (with a client of its own) serves.
const BUCKET = "observatory-media";
const mediaDir = mkdtempSync(path.join(tmpdir(), "observatory-media-unused-"));
let s3: S3Server;
const location = { bucket: BUCKET, prefix: "site/", forcePathStyle: true };

beforeAll(async () => {
  s3 = await startS3Server(BUCKET);
  configureForTests({ mediaDir, mediaStore: s3Store(location, s3.client()) });
});
afterAll(async () => {
  await s3?.close();
});

describe("the S3 media store", () => {
  const h = useHarness();

  it("keeps, returns and deletes a file under its prefix, with its content type", async () => {
    const store = s3Store(location, s3.client());
    await store.put("abc123.png", Buffer.from("not really a png"), "image/png");
    expect((await store.get("abc123.png"))?.toString()).toBe("not really a png");
    const head = await s3.client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: "site/abc123.png" }));
    expect(head.ContentType).toBe("image/png");
    expect(head.CacheControl).toBe("public, max-age=31536000, immutable");
    await store.delete("abc123.png");
    expect(await store.get("abc123.png")).toBeNull();
    // Deleting what is not there is not an error, as in the local folder.
    await store.delete("abc123.png");
  });

  it("refuses anything that is not a media key before it reaches the store", async () => {
    const store = s3Store(location, s3.client());
    await expect(store.get("../other-bucket/secret")).rejects.toThrow("Not a media key");
    await expect(store.put("a/b.png", Buffer.from("x"), "image/png")).rejects.toThrow("Not a media key");
  });

  it("stores an upload's original and variants in the bucket, and serves them through another instance", async () => {
    const author = await h.as("AUTHOR");
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: "#005eb8" } })
      .png()
      .toBuffer();
    const { id } = await author.media.upload({
      fileName: "chart.png",
      contentBase64: png.toString("base64"),
      alt: "Waiting times by region",
    });
    const stored = await h.db.media.findUniqueOrThrow({ where: { id } });
    const keys = [stored.storageKey, ...readVariants(stored.variants).map((variant) => variant.key)];
    const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "site/" }));
    const objects = (listed.Contents ?? []).map((object) => object.Key);
    for (const key of keys) expect(objects).toContain(`site/${key}`);
    // Nothing went to the local folder.
    expect(readdirSync(mediaDir)).toEqual([]);

    // Another machine: its own store object and client, sharing only the bucket.
    configureForTests({ mediaDir, mediaStore: s3Store(location, s3.client()) });
    for (const key of keys) {
      const served = await readMedia(key);
      expect(served?.bytes.length).toBeGreaterThan(0);
      expect(served?.mimeType).toMatch(/^image\//);
    }
  });
});

describe("MEDIA_STORE addresses", () => {
  it("reads a bucket and an optional prefix, and nothing else", () => {
    expect(parseS3Url("s3://observatory-media")).toEqual({
      bucket: "observatory-media",
      prefix: "",
      forcePathStyle: false,
    });
    expect(parseS3Url("s3://observatory-media/public/site/", true)).toEqual({
      bucket: "observatory-media",
      prefix: "public/site/",
      forcePathStyle: true,
    });
    for (const bad of ["https://observatory-media", "s3://", "s3://UPPER", "s3://a"])
      expect(parseS3Url(bad)).toBeNull();
  });
});
