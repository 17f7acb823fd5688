import type { S3Client } from "@aws-sdk/client-s3";
import { checkedKey, type MediaStore } from "./store.ts";

/**
 * Where in an S3-compatible object store the files live: `MEDIA_STORE=s3://bucket/optional/prefix`.
 * The endpoint, region and credentials come from the AWS SDK's own environment variables
 * (`AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY`, or any other source the SDK reads); `forcePathStyle` for stores that
 * name buckets in the path rather than the host (MinIO, most self-hosted ones).
 */
export type S3Location = { bucket: string; prefix: string; forcePathStyle: boolean };

/** `s3://bucket/prefix` as a location; null for anything else. */
export function parseS3Url(url: string, forcePathStyle = false): S3Location | null {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match) return null;
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  return { bucket: match[1] ?? "", prefix: prefix ? `${prefix}/` : "", forcePathStyle };
}

/**
 * Files as objects in a bucket, each with its content type, for any number of app instances on any
 * number of machines. The SDK is loaded when the store is first used, so a site on a local folder
 * never loads it. `client` is for tests that point it at their own server.
 */
export function s3Store(location: S3Location, client?: S3Client): MediaStore {
  let sdk: Promise<{ client: S3Client; module: typeof import("@aws-sdk/client-s3") }> | null = null;
  const connect = () => {
    sdk ??= import("@aws-sdk/client-s3").then((module) => ({
      module,
      client: client ?? new module.S3Client({ forcePathStyle: location.forcePathStyle }),
    }));
    return sdk;
  };
  const objectKey = (key: string) => `${location.prefix}${checkedKey(key)}`;

  return {
    async put(key, bytes, contentType) {
      const { client, module } = await connect();
      await client.send(
        new module.PutObjectCommand({
          Bucket: location.bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentType,
          // Keys are never reused for other bytes (decision 010), so a copy may be kept for good.
          CacheControl: "public, max-age=31536000, immutable",
        }),
      );
    },
    async get(key) {
      const { client, module } = await connect();
      try {
        const object = await client.send(new module.GetObjectCommand({ Bucket: location.bucket, Key: objectKey(key) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
      } catch (error) {
        // No such object is a missing file; a store that cannot be reached is a server error.
        if (error instanceof module.NoSuchKey || (error as { name?: string }).name === "NotFound") return null;
        throw error;
      }
    },
    async delete(key) {
      const { client, module } = await connect();
      // Deleting an object that is not there succeeds, as the local folder's does.
      await client.send(new module.DeleteObjectCommand({ Bucket: location.bucket, Key: objectKey(key) }));
    },
  };
}
