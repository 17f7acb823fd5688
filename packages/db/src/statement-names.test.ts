import { describe, expect, it } from "vitest";
import { statementNames } from "./statement-names.ts";

describe("statement names", () => {
  it("names the same text alike, in any generator, and different texts differently", () => {
    const names = statementNames();
    const first = names({ sql: "SELECT 1" });
    expect(first).toMatch(/^s_[\w-]{32}$/);
    expect(names({ sql: "SELECT 1" })).toBe(first);
    expect(statementNames()({ sql: "SELECT 1" })).toBe(first);
    expect(names({ sql: "SELECT 2" })).not.toBe(first);
  });

  it("leaves statements unnamed past its limit, and keeps the names it gave", () => {
    const names = statementNames(2);
    const one = names({ sql: "SELECT 1" });
    const two = names({ sql: "SELECT 2" });
    expect(names({ sql: "SELECT 3" })).toBe("");
    expect(names({ sql: "SELECT 4" })).toBe("");
    expect([names({ sql: "SELECT 1" }), names({ sql: "SELECT 2" })]).toEqual([one, two]);
  });
});
