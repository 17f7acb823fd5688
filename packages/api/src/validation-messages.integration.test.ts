import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toFormErrors } from "./form-errors.ts";
import { appRouter } from "./root.ts";
import { useHarness } from "./testing/harness.ts";
import { listProcedures } from "./testing/procedures.ts";
import { refusal } from "./testing/refusal.ts";
import "./validation-messages.ts";

/** Zod's own words, which must never reach a person: "Too big: expected number to be <=30" and the like. */
const libraryWords =
  /Too (big|small)|Invalid (input|option|key|string|element)|expected .* to (be|have)|Unrecognized key/;

describe("validation messages", () => {
  const h = useHarness();

  it("refuses a share link of 31 days in plain words beside the field", async () => {
    const editor = await h.as("EDITOR");
    const refused = await refusal(editor.editorial.createShareLink({ revisionId: "any", days: 31 }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.form?.fieldErrors).toEqual({ days: "Choose 30 days or fewer" });
  });

  it("puts a plain sentence in place of every message a schema does not give", () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.number().max(30), 31, "Enter a number no higher than 30"],
      [z.number().min(1), 0, "Enter a number no lower than 1"],
      [z.string().min(1), "", "Fill in this answer"],
      [z.string().max(5), "toolong", "Use 5 characters or fewer"],
      [z.array(z.string()).max(1), ["a", "b"], "Choose 1 or fewer"],
      [z.enum(["a", "b"]), "c", "Choose one of the options given"],
      [z.number(), "x", "Enter a number"],
      [z.string(), undefined, "Fill in this answer"],
      [z.email(), "nobody", "Enter an email address in the correct format, like name@example.com"],
      [z.strictObject({}), { extra: 1 }, "The form sent answers it does not ask for: reload the page and try again"],
    ];
    for (const [schema, input, message] of cases) {
      expect(schema.safeParse(input).error?.issues[0]?.message).toBe(message);
    }
  });

  it("answers no procedure's empty or mistyped input in zod's words", async () => {
    const admin = await h.as("ADMIN");
    const messages: string[] = [];
    for (const { path } of listProcedures(appRouter)) {
      // Skip what would end the session the sweep runs in.
      if (path === "auth.signOut" || path === "account.signOutEverywhere") continue;
      const [domain = "", name = ""] = path.split(".");
      const call = Reflect.get(Reflect.get(admin, domain) as object, name) as (input: unknown) => Promise<unknown>;
      for (const input of [{}, { id: 7, itemId: ["x"], days: "many", q: { a: 1 } }]) {
        try {
          await call(input);
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          const form = toFormErrors(error);
          messages.push(error.message, ...(form ? Object.values(form.fieldErrors) : []), form?.formError ?? "");
        }
      }
    }
    expect(messages.filter((message) => libraryWords.test(message))).toEqual([]);
  });
});
