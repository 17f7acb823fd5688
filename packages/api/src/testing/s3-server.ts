/// <reference path="../types/s3rver.d.ts" />
// A real S3-protocol server for tests (the `s3rver` package), on a free port with a scratch folder:
// the object store is exercised over HTTP through the AWS SDK, as in production.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

export type S3Server = {
  /** The port it listens on (127.0.0.1). */
  readonly port: number;
  /** A client for the server, as another machine would make one. */
  client(): S3Client;
  close(): Promise<void>;
};

export async function startS3Server(bucket: string): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "observatory-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = (await server.run()) as { port: number };
  const clients: S3Client[] = [];
  return {
    port,
    client() {
      const client = new S3Client({
        endpoint: `http://127.0.0.1:${port}`,
        region: "eu-west-2",
        forcePathStyle: true,
        // s3rver's fixed test credentials.
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.destroy();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
