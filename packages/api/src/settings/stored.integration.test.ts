import { describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";
import { storedSetting } from "./stored.ts";

describe("a saved setting", () => {
  const h = useHarness();

  it("is read by a client, and inside a transaction as that transaction sees it", async () => {
    expect(await storedSetting(h.db, "test.stored")).toBeUndefined();
    await h.db.setting.create({ data: { key: "test.stored", value: { colour: "blue" } } });
    expect(await storedSetting(h.db, "test.stored")).toEqual({ colour: "blue" });
    await h.db
      .$transaction(async (tx) => {
        await tx.setting.update({ where: { key: "test.stored" }, data: { value: { colour: "green" } } });
        // The transaction's own change, not yet committed: the read runs in the transaction.
        expect(await storedSetting(tx, "test.stored")).toEqual({ colour: "green" });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await storedSetting(h.db, "test.stored")).toEqual({ colour: "blue" });
  });
});
