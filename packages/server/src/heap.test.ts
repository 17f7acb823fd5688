import { describe, expect, it } from "vitest";
import { limitHeapGrowth } from "./heap.ts";

describe("limitHeapGrowth", () => {
  it("keeps a growth given on the command line", () => {
    expect(limitHeapGrowth(["--experimental-strip-types", "--heap-growing-percent=80"])).toBe(false);
  });

  it("sets the growth otherwise", () => {
    expect(limitHeapGrowth(["--experimental-strip-types"])).toBe(true);
  });
});
