import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readableFields } from "./stored.ts";

const fields = { name: z.string().min(1), count: z.number().int() };

describe("readableFields", () => {
  it("keeps each field that reads and leaves out the rest", () => {
    expect(readableFields({ name: "Observatory", count: "three", extra: true }, fields)).toEqual({
      name: "Observatory",
    });
    expect(readableFields({ name: "", count: 3 }, fields)).toEqual({ count: 3 });
  });

  it("reads nothing from a value that is not an object", () => {
    for (const stored of [undefined, null, "text", 4, ["name"]]) expect(readableFields(stored, fields)).toEqual({});
  });
});
