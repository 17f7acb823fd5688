import { AppError } from "@observatory/api";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { readContentForm } from "./content.server";
import { formFailure, textField } from "./forms.server";

const formOf = (entries: [string, string | Blob][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe("reading a submitted form", () => {
  it("reads a text field, and gives an empty string when it is missing or a file was sent", () => {
    const form = formOf([
      ["title", "A title"],
      ["upload", new Blob(["x"])],
    ]);
    expect(textField(form, "title")).toBe("A title");
    expect(textField(form, "missing")).toBe("");
    expect(textField(form, "upload")).toBe("");
  });

  it("reads the editor form as typed, and as the API takes it", () => {
    const document = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "One" }] }] };
    const { values, input } = readContentForm(
      formOf([
        ["title", "Maternity care"],
        ["body", JSON.stringify(document)],
        ["kind", "NEWS"],
        ["workstreamIds", "w1"],
        ["workstreamIds", "w2"],
        ["commentsOpen", "no"],
      ]),
    );
    expect(values).toMatchObject({
      title: "Maternity care",
      body: JSON.stringify(document),
      workstreamIds: "w1,w2",
      commentsOpen: "no",
    });
    expect(input).toMatchObject({ body: document, kind: "NEWS", workstreamIds: ["w1", "w2"], commentsOpen: false });
    // Without JavaScript the body is the plain box's HTML, read through the document schema.
    const plain = readContentForm(formOf([["bodyHtml", "<h1>Title</h1><p>One<script>x</script></p>"]]));
    expect(plain.values.bodyHtml).toBe("<h1>Title</h1><p>One<script>x</script></p>");
    expect(plain.input.body).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] },
        { type: "paragraph", content: [{ type: "text", text: "One" }] },
      ],
    });
    // Comments are open unless the form says otherwise; an unknown kind is left for the API to refuse.
    expect(readContentForm(formOf([["kind", "POEM"]])).input).toMatchObject({ kind: "", commentsOpen: true });
  });
});

describe("answering a form the API refused", () => {
  it("gives the field errors, the typed values and the API's status", () => {
    const refusal = new TRPCError({
      code: "CONFLICT",
      message: "That web address is already used",
      cause: new AppError("CONFLICT", "That web address is already used", { slug: "Choose another" }),
    });
    const answer = formFailure(refusal, { slug: "news" });
    expect(answer.init?.status).toBe(409);
    expect(answer.data).toEqual({
      ok: false,
      formError: null,
      fieldErrors: { slug: "Choose another" },
      values: { slug: "news" },
    });
  });

  it("rethrows what it does not understand, for the error boundary", () => {
    const unexpected = new Error("connection lost");
    expect(() => formFailure(unexpected)).toThrow(unexpected);
  });
});
