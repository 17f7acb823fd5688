import { bodyOf, createItem, createUser } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { issueFormToken } from "./comments/form-token.ts";
import { refusal } from "./testing/refusal.ts";
import { CONTROL_CHARACTER_MESSAGE, controlCharacterFields } from "./input-text.ts";
import { useHarness } from "./testing/harness.ts";

// Control characters, including the NUL PostgreSQL refuses, in any text sent to the API; and line
// breaks in single-line fields.
const CONTROLS = ["\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u009b"];

describe("control characters in what is sent", () => {
  it("finds them at any depth, and leaves tabs and line breaks alone", () => {
    expect(controlCharacterFields({ title: "a\u0000b", body: "line\r\nnext\tcolumn" })).toEqual({
      title: CONTROL_CHARACTER_MESSAGE,
    });
    expect(controlCharacterFields({ steps: [{ name: "ok" }, { name: "\u0001" }] })).toEqual({
      "steps.1.name": CONTROL_CHARACTER_MESSAGE,
    });
    expect(controlCharacterFields("\u0000")).toEqual({ input: CONTROL_CHARACTER_MESSAGE });
    expect(controlCharacterFields({ "a\u0000": "b" })).toEqual({ input: CONTROL_CHARACTER_MESSAGE });
    expect(controlCharacterFields({ q: "naïve café 😀 ‘quotes’" })).toEqual({});
  });
});

describe("the API refuses control characters in every field, beside the field, and stores nothing", () => {
  const h = useHarness();
  let itemId: string;

  beforeAll(async () => {
    const author = await createUser(h.db, "AUTHOR");
    itemId = (await createItem(h.db, { authorId: author.id, live: { title: "Open for comments" } })).id;
  });

  it("in a reader's comment: the name, the email or the body", async () => {
    const before = await h.db.comment.count();
    for (const control of CONTROLS) {
      for (const field of ["name", "body", "email"] as const) {
        const caller = await h.anonymous("192.0.2.80");
        const input = {
          itemId,
          name: "Ada Reader",
          email: "ada@example.org",
          body: "A thoughtful comment.",
          formToken: issueFormToken(new Date(Date.now() - 10_000)),
          [field]: field === "email" ? `ada${control}@example.org` : `before${control}after`,
        };
        const { code, form } = await refusal(caller.comments.submit(input));
        expect(code).toBe("BAD_REQUEST");
        expect(form?.fieldErrors[field], `${field} with U+${control.codePointAt(0)?.toString(16)}`).toBe(
          CONTROL_CHARACTER_MESSAGE,
        );
      }
    }
    expect(await h.db.comment.count()).toBe(before);
  });

  it("in a search query", async () => {
    const caller = await h.anonymous();
    const { code, form } = await refusal(caller.content.search({ q: "health\u0000" }));
    expect(code).toBe("BAD_REQUEST");
    expect(form?.fieldErrors.q).toBe(CONTROL_CHARACTER_MESSAGE);
  });

  it("in a staff member's draft, and a title may not hold a line break", async () => {
    const { api } = await h.signedIn("AUTHOR");
    const draft = { kind: "NEWS" as const, title: "A title", body: bodyOf("Body\n\nwith paragraphs") };
    const nul = await refusal(api.editorial.create({ ...draft, body: bodyOf("Body\u0000") }));
    expect(nul.form?.fieldErrors.body).toBe(CONTROL_CHARACTER_MESSAGE);
    for (const title of ["First line\nsecond line", "First\r\nsecond", "First\u2028second"]) {
      const broken = await refusal(api.editorial.create({ ...draft, title }));
      expect(broken.code).toBe("BAD_REQUEST");
      expect(broken.form?.fieldErrors.title).toBe("Title must be on one line: remove the line break");
    }
    expect(await h.db.contentItem.count({ where: { latestRevision: { title: { contains: "second" } } } })).toBe(0);
    await expect(api.editorial.create(draft)).resolves.toBeTruthy();
  });

  it("a reader's name must be one line too", async () => {
    const caller = await h.anonymous("192.0.2.81");
    const { form } = await refusal(
      caller.comments.submit({
        itemId,
        name: "Ada\nReader",
        email: "ada@example.org",
        body: "Multi-line\nbodies are fine.",
        formToken: issueFormToken(new Date(Date.now() - 10_000)),
      }),
    );
    expect(form?.fieldErrors.name).toBe("Your name must be on one line: remove the line break");
  });
});
