import { formatDateTime } from "@observatory/time";
import { Window } from "happy-dom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentThread, type ThreadComment } from "./comment-thread";

const at = new Date("2026-03-29T00:30:00Z");

function comment(id: string, fields: Partial<ThreadComment> = {}): ThreadComment {
  return {
    id,
    authorName: `Reader ${id}`,
    body: `Words of ${id}`,
    createdAt: at,
    isStaff: false,
    canReply: true,
    replies: [],
    ...fields,
  };
}

const hostile = `<script>alert("x")</script> & 'quoted' "twice" </p><p>not a paragraph`;

/** A thread four deep (the fourth joined the third level, as approvedThread does), with hostile words. */
const thread: ThreadComment[] = [
  comment("a", {
    authorName: `<img src=x onerror=alert(1)> "Ann" & 'co'`,
    body: `${hostile}\n\nSecond paragraph,\nwith a line break.\n\n\n\nThird.`,
    replies: [
      comment("b", {
        isStaff: true,
        authorName: "NHS Race and Health Observatory",
        replies: [comment("c", { canReply: false, replies: [] }), comment("d", { canReply: false })],
      }),
    ],
  }),
  comment("e", { createdAt: at.toISOString() }),
];

function parse(markup: string) {
  const window = new Window();
  window.document.body.innerHTML = markup;
  return window.document;
}

const replyHref = (id: string) => `/news/an-item?replyTo=${encodeURIComponent(id)}&x="y"#comment-form`;

describe("CommentThread", () => {
  const document = parse(renderToStaticMarkup(createElement(CommentThread, { comments: thread, replyHref })));

  it("renders every comment as a list item in its place in the thread", () => {
    const top = document.querySelector("body > ol.nhsuk-list.observatory-comments");
    expect([...(top?.children ?? [])].map((li) => li.id)).toEqual(["comment-a", "comment-e"]);
    expect(document.querySelectorAll("li.observatory-comment").length).toBe(5);
    const replies = document.querySelector("#comment-a > ol.observatory-comments");
    expect([...(replies?.children ?? [])].map((li) => li.id)).toEqual(["comment-b"]);
    const third = document.querySelector("#comment-b > ol.observatory-comments");
    expect([...(third?.children ?? [])].map((li) => li.id)).toEqual(["comment-c", "comment-d"]);
  });

  it("keeps what readers wrote as text, whatever markup it holds", () => {
    expect(document.querySelector("script, img")).toBeNull();
    const author = document.querySelector("#comment-a-author");
    expect(author?.textContent).toBe(`<img src=x onerror=alert(1)> "Ann" & 'co'`);
    expect(document.querySelector("#comment-a > article")?.getAttribute("aria-labelledby")).toBe("comment-a-author");
    const paragraphs = [...document.querySelectorAll("#comment-a > article > p.observatory-comment-text")];
    expect(paragraphs.map((p) => p.textContent)).toEqual([hostile, "Second paragraph,\nwith a line break.", "Third."]);
  });

  it("dates each comment for people and machines", () => {
    const time = document.querySelector("#comment-e time");
    expect(time?.getAttribute("datetime")).toBe(at.toISOString());
    expect(time?.textContent).toBe(formatDateTime(at));
  });

  it("marks the observatory's own replies as staff", () => {
    expect(document.querySelector("#comment-b-author + .nhsuk-tag.nhsuk-tag--blue")?.textContent).toBe("Staff");
    expect(document.querySelector("#comment-a-author + .nhsuk-tag")).toBeNull();
  });

  it("offers a reply, named for screen readers, to comments above the deepest level", () => {
    const link = document.querySelector("#comment-a > article .observatory-reply-link a");
    expect(link?.getAttribute("href")).toBe(replyHref("a"));
    expect(link?.textContent).toBe(`Reply to <img src=x onerror=alert(1)> "Ann" & 'co'`);
    expect(link?.querySelector(".nhsuk-u-visually-hidden")?.textContent).toBe(
      ` to <img src=x onerror=alert(1)> "Ann" & 'co'`,
    );
    expect(document.querySelector("#comment-b > article .observatory-reply-link")).not.toBeNull();
    expect(document.querySelector("#comment-c > article .observatory-reply-link")).toBeNull();
  });

  it("offers no reply where comments are closed", () => {
    const closed = parse(renderToStaticMarkup(createElement(CommentThread, { comments: thread, replyHref: null })));
    expect(closed.querySelectorAll("li.observatory-comment").length).toBe(5);
    expect(closed.querySelector(".observatory-reply-link")).toBeNull();
  });
});
