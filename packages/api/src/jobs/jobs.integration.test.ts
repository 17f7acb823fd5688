import { createComment, createItem, createUser } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";
import { purgeExpiredIpHashes, purgeIpHashesJob } from "../comments/ip-hash-retention.ts";
import { runIfDue } from "./runner.ts";

describe("background jobs", () => {
  const h = useHarness();
  let itemId: string;
  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    itemId = (await createItem(h.db, { authorId, live: { title: "Jobs" } })).id;
  });

  it("clears IP hashes of comments older than the retention period and keeps newer ones", async () => {
    const old = await createComment(h.db, { itemId });
    const recent = await createComment(h.db, { itemId });
    await h.db.comment.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 91 * 86_400_000) } });
    const result = await purgeExpiredIpHashes(h.db, new Date(), 90);
    expect(result.comments).toBeGreaterThanOrEqual(1);
    expect((await h.db.comment.findUniqueOrThrow({ where: { id: old.id } })).ipHash).toBeNull();
    expect((await h.db.comment.findUniqueOrThrow({ where: { id: recent.id } })).ipHash).not.toBeNull();
  });

  it("runs a due job once however many instances try at the same moment, then not again until due", async () => {
    const now = new Date();
    const runs = await Promise.all(Array.from({ length: 5 }, () => runIfDue(h.db, purgeIpHashesJob, now)));
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    expect(await runIfDue(h.db, purgeIpHashesJob, new Date(now.getTime() + 60_000))).toBeNull();
    expect(await runIfDue(h.db, purgeIpHashesJob, new Date(now.getTime() + 61 * 60_000))).not.toBeNull();
  });

  it("retries a failed job on the next tick and records the error", async () => {
    const failing = { name: "always-fails", intervalSeconds: 60, run: async () => Promise.reject(new Error("boom")) };
    await expect(runIfDue(h.db, failing)).rejects.toThrow("boom");
    expect((await h.db.jobRun.findUniqueOrThrow({ where: { name: "always-fails" } })).lastError).toBe("boom");
    await expect(runIfDue(h.db, failing)).rejects.toThrow("boom");
  });
});
