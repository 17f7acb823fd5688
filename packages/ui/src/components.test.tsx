import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as ui from "./index";
import {
  ArticleContent,
  BackLink,
  Breadcrumbs,
  Button,
  ButtonLink,
  Card,
  CharacterCount,
  Checkboxes,
  Document,
  ErrorSummary,
  Footer,
  Header,
  InsetText,
  NotificationBanner,
  PageShell,
  Pagination,
  paginationItems,
  Radios,
  Select,
  SkipLink,
  SummaryList,
  Table,
  Tag,
  TagList,
  Textarea,
  TextInput,
  WarningCallout,
} from "./index";

type Attributes = Record<string, string>;

const render = (element: ReactElement) => renderToStaticMarkup(element);

/** Attributes of every opening `<tag …>` in server markup (React always double-quotes and escapes `>`); names lower-cased as HTML treats them. */
function all(html: string, tag: string): Attributes[] {
  return [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, "g"))].map((match) => {
    const attributes: Attributes = {};
    for (const [, name, value] of (match[1] ?? "").matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      if (name) attributes[name.toLowerCase()] = value ?? "";
    }
    return attributes;
  });
}

function find(html: string, tag: string, where: (attributes: Attributes) => boolean = () => true): Attributes {
  const found = all(html, tag).find(where);
  if (!found) throw new Error(`No <${tag}> matching in:\n${html}`);
  return found;
}

const tokens = (value: string | undefined) => (value ?? "").split(" ").filter(Boolean);
const hasClass = (name: string) => (attributes: Attributes) => tokens(attributes.class).includes(name);

describe("index", () => {
  it("exports every component", () => {
    for (const name of [
      "ArticleContent",
      "BackLink",
      "Breadcrumbs",
      "Button",
      "ButtonLink",
      "Card",
      "CharacterCount",
      "Checkboxes",
      "Document",
      "ErrorMessage",
      "ErrorSummary",
      "Footer",
      "Header",
      "Hint",
      "InsetText",
      "NotificationBanner",
      "PageShell",
      "Pagination",
      "Radios",
      "Select",
      "SkipLink",
      "SummaryList",
      "Table",
      "Tag",
      "TagList",
      "Textarea",
      "TextInput",
      "WarningCallout",
    ]) {
      expect(ui, name).toHaveProperty(name, expect.any(Function));
    }
  });
});

describe("ArticleContent", () => {
  const item = {
    kind: "PRESS_RELEASE" as const,
    title: "New review",
    publishedAt: "2026-03-29T23:30:00.000Z",
    authorName: "Ada Lovelace",
    workstreams: [{ slug: "maternity", title: "Maternity" }],
    summary: "What we found.",
    bodyHtml: "<p>Body</p>",
    lastReviewedAt: null,
    nextReviewDue: "2027-01-31T00:00:00.000Z",
  };

  it("bylines an item with its kind, its London publication date and its author", () => {
    const html = render(<ArticleContent item={item} />);
    expect(html).toContain(
      'Press release · Published <time dateTime="2026-03-29T23:30:00.000Z">30 March 2026</time> · By Ada Lovelace',
    );
    expect(find(html, "a")).toMatchObject({ href: "/priorities/maternity" });
    expect(html).toContain("Next review due: 31 January 2027");
    expect(html).not.toContain("Page last reviewed");
  });

  it("says when a changed page was last updated and lists every update, newest first", () => {
    const updates = [
      { at: "2026-05-04T09:00:00.000Z", note: "Added the figures for Wales." },
      { at: "2026-03-29T23:30:00.000Z", note: null },
    ];
    const html = render(<ArticleContent item={{ ...item, updates }} />);
    expect(html).toContain(
      'Last updated <time dateTime="2026-05-04T09:00:00.000Z">4 May 2026</time> (<a href="#history">see all updates</a>)',
    );
    expect(html).toMatch(/<section id="history"[^>]*>.*All updates to this page/);
    expect(html.indexOf("Added the figures for Wales.")).toBeLessThan(html.indexOf("First published."));
  });

  it("says nothing of updates for a page published once", () => {
    const html = render(<ArticleContent item={{ ...item, updates: [{ at: item.publishedAt, note: null }] }} />);
    expect(html).not.toContain("Last updated");
    expect(html).not.toContain('id="history"');
  });

  it("gives a plain page no byline, and links tags to the public site when shown elsewhere", () => {
    const html = render(<ArticleContent item={{ ...item, kind: "PAGE" }} publicSiteUrl="https://example.org" />);
    expect(html).not.toContain("By Ada Lovelace");
    expect(find(html, "a")).toMatchObject({ href: "https://example.org/priorities/maternity" });
  });
});

describe("Document", () => {
  it("is a British English page whose head and scripts are the app's, with nhsuk-frontend's support check first in the body", () => {
    const html = render(
      <Document head={<title>Home</title>} scripts={<script src="/app.js" />}>
        <main>Page</main>
      </Document>,
    );
    expect(find(html, "html")).toMatchObject({ lang: "en-GB" });
    expect(find(html, "meta", (a) => a.name === "viewport")).toMatchObject({
      content: "width=device-width, initial-scale=1",
    });
    expect(html).toMatch(/<head>.*<title>Home<\/title><\/head>/);
    expect(html).toMatch(
      /<body><script>document\.body\.className \+= ' js-enabled'.*<\/script><main>Page<\/main><script src="\/app\.js"><\/script><\/body>/,
    );
  });
});

describe("SkipLink", () => {
  it("targets the main content by default and is enhanced by the skip-link module", () => {
    const link = find(render(<SkipLink />), "a");
    expect(link).toMatchObject({ class: "nhsuk-skip-link", href: "#maincontent", "data-module": "nhsuk-skip-link" });
  });
});

describe("Header", () => {
  const navigation = [
    { href: "/", label: "Home" },
    { href: "/indicators", label: "Indicators", current: true },
    { href: "/about", label: "About" },
  ];

  it("links the NHS logo and service name to the home page with a name that includes the visible text", () => {
    const html = render(<Header serviceName="Health equity observatory" homeHref="/" />);
    const logo = find(html, "a", hasClass("nhsuk-header__service-logo"));
    expect(logo.href).toBe("/");
    expect(logo["aria-label"]).toBe("NHS Health equity observatory homepage");
    expect(html).toContain('<span class="nhsuk-header__service-name">Health equity observatory</span>');
    expect(find(html, "header")).toMatchObject({ "data-module": "nhsuk-header", role: "banner" });
  });

  it("marks only the current navigation item with aria-current=page", () => {
    const html = render(<Header serviceName="Observatory" homeHref="/" navigation={navigation} />);
    const links = all(html, "a").filter(hasClass("nhsuk-header__navigation-link"));
    expect(links.map((link) => [link.href, link["aria-current"]])).toEqual([
      ["/", undefined],
      ["/indicators", "page"],
      ["/about", undefined],
    ]);
    expect(html).toContain('<strong class="nhsuk-header__navigation-item-current-fallback">Indicators</strong>');
  });

  it("renders every navigation link in the server markup, leaving the JS-only menu toggle hidden", () => {
    const html = render(<Header serviceName="Observatory" homeHref="/" navigation={navigation} />);
    expect(find(html, "ul", hasClass("nhsuk-header__navigation-list"))).toBeDefined();
    expect(all(html, "li").filter(hasClass("nhsuk-header__navigation-item"))).toHaveLength(3);
    expect(find(html, "li", hasClass("nhsuk-header__menu"))).toHaveProperty("hidden");
    expect(find(html, "nav", hasClass("nhsuk-header__navigation"))["aria-label"]).toBe("Menu");
  });

  it("shows a badge's number and reads it out with the link's name", () => {
    const html = render(
      <Header
        serviceName="Observatory"
        homeHref="/"
        navigation={[{ href: "/comments", label: "Comments", badge: { text: "3", description: "3 pending" } }]}
      />,
    );
    const link = find(html, "a", hasClass("nhsuk-header__navigation-link"));
    expect(link["aria-label"]).toBe("Comments, 3 pending");
    expect(html).toContain('Comments<span class="observatory-nav-badge" aria-hidden="true">3</span>');
  });

  it("renders no navigation landmark without navigation items", () => {
    expect(render(<Header serviceName="Observatory" homeHref="/" navigation={[]} />)).not.toContain("<nav");
  });

  it("renders search as a labelled GET form that works without JS", () => {
    const html = render(
      <Header serviceName="Observatory" homeHref="/" search={{ action: "/search", defaultValue: "asthma" }} />,
    );
    expect(find(html, "form")).toMatchObject({ action: "/search", method: "get" });
    expect(find(html, "label")).toMatchObject({ for: "search-field" });
    expect(html).toContain("Search Observatory</label>");
    expect(find(html, "input")).toMatchObject({ id: "search-field", name: "q", type: "search", value: "asthma" });
    expect(find(html, "button")).toMatchObject({ type: "submit", "aria-label": "Search" });
  });

  it("renders account links, plain text, and POST forms for actions such as signing out", () => {
    const html = render(
      <Header
        serviceName="Admin"
        homeHref="/"
        account={{
          items: [
            { label: "Ada Lovelace" },
            { href: "/account", label: "Your account" },
            { action: "/sign-out", label: "Sign out" },
          ],
        }}
      />,
    );
    expect(find(html, "nav", hasClass("nhsuk-header__account"))["aria-label"]).toBe("Account");
    expect(html).toContain('<li class="nhsuk-header__account-item">Ada Lovelace</li>');
    expect(find(html, "a", hasClass("nhsuk-header__account-link")).href).toBe("/account");
    expect(find(html, "form", hasClass("nhsuk-header__account-form"))).toMatchObject({
      action: "/sign-out",
      method: "post",
    });
    expect(html).toMatch(/<button class="nhsuk-header__account-button" type="submit">Sign out<\/button>/);
  });

  it("uses the organisation variant when given an organisation name", () => {
    const html = render(
      <Header serviceName="Observatory" homeHref="/" organisation={{ name: "Anytown", descriptor: "NHS Trust" }} />,
    );
    expect(tokens(find(html, "header").class)).toContain("nhsuk-header--organisation");
    expect(find(html, "a", hasClass("nhsuk-header__service-logo"))["aria-label"]).toBe(
      "NHS Anytown Observatory homepage",
    );
  });
});

describe("Footer", () => {
  it("lists the links under a visually hidden heading and shows the copyright", () => {
    const html = render(
      <Footer links={[{ href: "/accessibility", label: "Accessibility statement" }]} copyright="© Observatory" />,
    );
    expect(find(html, "footer")).toMatchObject({ class: "nhsuk-footer", role: "contentinfo" });
    expect(html).toContain('<h2 class="nhsuk-u-visually-hidden">Support links</h2>');
    expect(find(html, "a", hasClass("nhsuk-footer__list-item-link")).href).toBe("/accessibility");
    expect(html).toContain('<p class="nhsuk-body-s">© Observatory</p>');
  });
});

describe("Breadcrumbs", () => {
  const items = [
    { href: "/", label: "Home" },
    { href: "/indicators", label: "Indicators" },
  ];

  it("renders an ordered list of ancestors in a labelled landmark", () => {
    const html = render(<Breadcrumbs items={items} />);
    expect(find(html, "nav")).toMatchObject({ class: "nhsuk-breadcrumb", "aria-label": "Breadcrumb" });
    expect(
      all(html, "a")
        .filter(hasClass("nhsuk-breadcrumb__link"))
        .map((a) => a.href),
    ).toEqual(["/", "/indicators"]);
  });

  it("adds the mobile back link to the last item", () => {
    const html = render(<Breadcrumbs items={items} />);
    expect(find(html, "a", hasClass("nhsuk-back-link")).href).toBe("/indicators");
    expect(html).toContain('<span class="nhsuk-u-visually-hidden">Back to </span>Indicators</a>');
  });

  it("renders nothing without items", () => {
    expect(render(<Breadcrumbs items={[]} />)).toBe("");
  });
});

describe("BackLink", () => {
  it("defaults its text to Back", () => {
    expect(render(<BackLink href="/previous" />)).toBe('<a class="nhsuk-back-link" href="/previous">Back</a>');
  });
});

describe("PageShell", () => {
  const html = render(
    <PageShell
      header={{ serviceName: "Observatory", homeHref: "/" }}
      footer={{ links: [] }}
      breadcrumbs={[{ href: "/", label: "Home" }]}
    >
      <h1>Page</h1>
    </PageShell>,
  );

  it("starts with a skip link whose target is the main landmark", () => {
    expect(html.startsWith('<a class="nhsuk-skip-link"')).toBe(true);
    expect(find(html, "main")).toMatchObject({ class: "nhsuk-main-wrapper", id: "maincontent", role: "main" });
  });

  it("orders header, breadcrumbs, main content and footer", () => {
    const order = [
      "<header",
      'class="nhsuk-width-container"><nav class="nhsuk-breadcrumb"',
      "<main",
      "<h1>Page</h1>",
      "<footer",
    ];
    const positions = order.map((fragment) => html.indexOf(fragment));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe("ErrorSummary", () => {
  const errors = [
    { href: "#email", message: "Enter your email address" },
    { href: "#topics", message: "Select at least one topic" },
  ];

  it("renders nothing when there are no errors", () => {
    expect(render(<ErrorSummary errors={[]} />)).toBe("");
  });

  it("is focusable by id, enhanced by the error-summary module and announced as an alert", () => {
    const html = render(<ErrorSummary errors={errors} />);
    expect(find(html, "div", hasClass("nhsuk-error-summary"))).toMatchObject({
      id: ui.ERROR_SUMMARY_ID,
      tabindex: "-1",
      "data-module": "nhsuk-error-summary",
    });
    expect(find(html, "div", (div) => div.role === "alert")).toBeDefined();
    expect(html).toContain('<h2 class="nhsuk-error-summary__heading">There is a problem</h2>');
  });

  it("takes focus as the page loads only when asked to (autofocus)", () => {
    expect(find(render(<ErrorSummary errors={errors} />), "div", hasClass("nhsuk-error-summary"))).not.toHaveProperty(
      "autofocus",
    );
    expect(
      find(render(<ErrorSummary errors={errors} autoFocus />), "div", hasClass("nhsuk-error-summary")),
    ).toHaveProperty("autofocus", "");
  });

  it("links each error to its field", () => {
    const html = render(<ErrorSummary title="Fix these" errors={errors} />);
    expect(html).toContain('<a href="#email">Enter your email address</a>');
    expect(html).toContain('<a href="#topics">Select at least one topic</a>');
    expect(html).toContain(">Fix these</h2>");
  });

  it("focusErrorSummary focuses the element with the error summary id", () => {
    let focusedId: string | undefined;
    ui.focusErrorSummary({
      getElementById: (id: string) => ({ focus: () => (focusedId = id) }) as unknown as HTMLElement,
    });
    expect(focusedId).toBe("error-summary");
  });
});

describe("TextInput", () => {
  it("associates the label with the input", () => {
    const html = render(<TextInput id="email" name="email" label="Email address" />);
    expect(find(html, "label")).toMatchObject({ class: "nhsuk-label", for: "email" });
    expect(find(html, "input")).toMatchObject({ id: "email", name: "email", type: "text" });
    expect(find(html, "input")).not.toHaveProperty("aria-describedby");
  });

  it("describes the input by its hint and error, and marks the error state", () => {
    const html = render(
      <TextInput id="email" name="email" label="Email" hint="We only use it to reply" error="Enter an email address" />,
    );
    expect(tokens(find(html, "input")["aria-describedby"])).toEqual(["email-hint", "email-error"]);
    expect(html).toContain('<div class="nhsuk-hint" id="email-hint">We only use it to reply</div>');
    expect(html).toContain(
      '<span class="nhsuk-error-message" id="email-error"><span class="nhsuk-u-visually-hidden">Error: </span>Enter an email address</span>',
    );
    expect(find(html, "div").class).toBe("nhsuk-form-group nhsuk-form-group--error");
    expect(tokens(find(html, "input").class)).toContain("nhsuk-input--error");
  });

  it("passes through value, type, autocomplete, width, spellcheck and required", () => {
    const html = render(
      <TextInput
        id="postcode"
        name="postcode"
        label="Postcode"
        defaultValue="LS1 4AP"
        type="text"
        autoComplete="postal-code"
        width={10}
        spellCheck={false}
        required
      />,
    );
    expect(find(html, "input")).toMatchObject({
      value: "LS1 4AP",
      autocomplete: "postal-code",
      class: "nhsuk-input nhsuk-input--width-10",
      spellcheck: "false",
      required: "",
    });
  });
});

describe("Textarea", () => {
  it("associates label, hint and error with the textarea", () => {
    const html = render(
      <Textarea
        id="detail"
        name="detail"
        label="Detail"
        hint="Be specific"
        error="Enter detail"
        defaultValue="Hello"
      />,
    );
    expect(find(html, "label").for).toBe("detail");
    expect(find(html, "textarea")).toMatchObject({
      id: "detail",
      rows: "5",
      class: "nhsuk-textarea nhsuk-textarea--error",
    });
    expect(tokens(find(html, "textarea")["aria-describedby"])).toEqual(["detail-hint", "detail-error"]);
    expect(html).toContain(">Hello</textarea>");
  });
});

describe("CharacterCount", () => {
  const html = render(
    <CharacterCount
      id="summary"
      name="summary"
      label="Summary"
      hint="No personal data"
      error="Too long"
      maxLength={200}
    />,
  );

  it("states the limit in server-rendered text so it works without JS", () => {
    expect(html).toContain(
      '<div class="nhsuk-hint nhsuk-character-count__message" id="summary-info">You can enter up to 200 characters</div>',
    );
  });

  it("is configured for the character-count module", () => {
    expect(find(html, "div", hasClass("nhsuk-character-count"))).toMatchObject({
      "data-module": "nhsuk-character-count",
      "data-maxlength": "200",
    });
    expect(tokens(find(html, "textarea").class)).toContain("nhsuk-js-character-count");
  });

  it("describes the textarea by the limit, hint and error", () => {
    expect(find(html, "label").for).toBe("summary");
    expect(tokens(find(html, "textarea")["aria-describedby"])).toEqual([
      "summary-info",
      "summary-hint",
      "summary-error",
    ]);
    expect(find(html, "textarea")).not.toHaveProperty("maxlength");
  });
});

describe("Checkboxes", () => {
  const html = render(
    <Checkboxes
      idPrefix="topics"
      name="topics"
      legend="Which topics?"
      hint="Select all that apply"
      error="Select a topic"
      items={[
        { value: "housing", label: "Housing", checked: true },
        { value: "income", label: "Income", hint: "Including benefits" },
      ]}
    />,
  );

  it("groups the inputs in a fieldset with a legend, described by the hint and error", () => {
    expect(html).toContain('<legend class="nhsuk-fieldset__legend">Which topics?</legend>');
    expect(tokens(find(html, "fieldset")["aria-describedby"])).toEqual(["topics-hint", "topics-error"]);
    expect(find(html, "div").class).toBe("nhsuk-form-group nhsuk-form-group--error");
    expect(find(html, "div", hasClass("nhsuk-checkboxes"))["data-module"]).toBe("nhsuk-checkboxes");
  });

  it("gives the first input the bare id prefix so error summary links land on it", () => {
    const inputs = all(html, "input");
    expect(inputs.map((input) => input.id)).toEqual(["topics", "topics-2"]);
    expect(all(html, "label").map((label) => label.for)).toEqual(["topics", "topics-2"]);
    expect(inputs.every((input) => input.type === "checkbox" && input.name === "topics")).toBe(true);
  });

  it("pre-checks checked items and describes items by their own hint", () => {
    const [housing, income] = all(html, "input");
    expect(housing).toHaveProperty("checked");
    expect(income).not.toHaveProperty("checked");
    expect(income?.["aria-describedby"]).toBe("topics-2-item-hint");
    expect(html).toContain(
      '<div class="nhsuk-hint nhsuk-checkboxes__hint" id="topics-2-item-hint">Including benefits</div>',
    );
  });
});

describe("Radios", () => {
  const html = render(
    <Radios
      idPrefix="area"
      name="area"
      legend="Area type"
      error="Select an area type"
      defaultValue="ward"
      items={[
        { value: "region", label: "Region" },
        { value: "ward", label: "Ward" },
      ]}
    />,
  );

  it("checks only the item matching defaultValue", () => {
    const inputs = all(html, "input");
    expect(inputs.filter((input) => "checked" in input).map((input) => input.value)).toEqual(["ward"]);
    expect(inputs.every((input) => input.type === "radio")).toBe(true);
  });

  it("uses the radios module and describes the fieldset by the error", () => {
    expect(find(html, "div", hasClass("nhsuk-radios"))["data-module"]).toBe("nhsuk-radios");
    expect(find(html, "fieldset")["aria-describedby"]).toBe("area-error");
    expect(find(html, "label", hasClass("nhsuk-radios__label")).for).toBe("area");
  });
});

describe("Select", () => {
  it("associates label, hint and error and selects the default option", () => {
    const html = render(
      <Select
        id="region"
        name="region"
        label="Region"
        hint="Where you live"
        error="Select a region"
        defaultValue="north-east"
        options={[
          { value: "london", label: "London" },
          { value: "north-east", label: "North East" },
        ]}
      />,
    );
    expect(find(html, "label").for).toBe("region");
    expect(find(html, "select")).toMatchObject({ id: "region", class: "nhsuk-select nhsuk-select--error" });
    expect(tokens(find(html, "select")["aria-describedby"])).toEqual(["region-hint", "region-error"]);
    expect(find(html, "option", (option) => "selected" in option).value).toBe("north-east");
  });
});

describe("Button", () => {
  it("is a submit button enhanced by the button module", () => {
    expect(render(<Button>Save</Button>)).toBe(
      '<button class="nhsuk-button" data-module="nhsuk-button" type="submit">Save</button>',
    );
  });

  it("applies the variant, form attributes and an announced disabled state", () => {
    const button = find(
      render(
        <Button variant="warning" name="intent" value="delete" formAction="/delete" disabled>
          Delete
        </Button>,
      ),
      "button",
    );
    expect(button).toMatchObject({
      class: "nhsuk-button nhsuk-button--warning",
      name: "intent",
      value: "delete",
      formaction: "/delete",
      "aria-disabled": "true",
    });
    expect(button).toHaveProperty("disabled");
  });

  it("ButtonLink renders a link with the button role", () => {
    const link = find(
      render(
        <ButtonLink href="/start" variant="secondary">
          Start
        </ButtonLink>,
      ),
      "a",
    );
    expect(link).toMatchObject({
      class: "nhsuk-button nhsuk-button--secondary",
      href: "/start",
      role: "button",
      draggable: "false",
      "data-module": "nhsuk-button",
    });
  });
});

describe("paginationItems", () => {
  it.each([
    { page: 1, pageCount: 0, expected: [] },
    { page: 1, pageCount: 1, expected: [1] },
    { page: 3, pageCount: 5, expected: [1, 2, 3, 4, 5] },
    { page: 1, pageCount: 10, expected: [1, 2, "ellipsis", 10] },
    { page: 5, pageCount: 10, expected: [1, "ellipsis", 4, 5, 6, "ellipsis", 10] },
    { page: 10, pageCount: 10, expected: [1, "ellipsis", 9, 10] },
  ])("shows first, last and current ±1 with ellipses (page $page of $pageCount)", ({ page, pageCount, expected }) => {
    expect(paginationItems(page, pageCount)).toEqual(expected);
  });

  it("shows a lone skipped page instead of an ellipsis", () => {
    expect(paginationItems(4, 10)).toEqual([1, 2, 3, 4, 5, "ellipsis", 10]);
    expect(paginationItems(7, 10)).toEqual([1, "ellipsis", 6, 7, 8, 9, 10]);
  });

  it("clamps out-of-range and non-integer pages", () => {
    expect(paginationItems(99, 3)).toEqual([1, 2, 3]);
    expect(paginationItems(-4, 10)).toEqual([1, 2, "ellipsis", 10]);
    expect(paginationItems(Number.NaN, 10)).toEqual([1, 2, "ellipsis", 10]);
  });
});

describe("Pagination", () => {
  const hrefFor = (page: number) => `/results?page=${page}`;

  it("links previous and next pages with rel=prev and rel=next", () => {
    const html = render(<Pagination page={5} pageCount={10} hrefFor={hrefFor} />);
    expect(find(html, "a", (a) => a.rel === "prev")).toMatchObject({
      href: "/results?page=4",
      class: "nhsuk-pagination__previous",
    });
    expect(find(html, "a", (a) => a.rel === "next")).toMatchObject({
      href: "/results?page=6",
      class: "nhsuk-pagination__next",
    });
  });

  it("marks the current page with aria-current=page and labels every number", () => {
    const html = render(<Pagination page={5} pageCount={10} hrefFor={hrefFor} />);
    const numbers = all(html, "a").filter(hasClass("nhsuk-pagination__link"));
    expect(numbers.map((a) => a["aria-label"])).toEqual(["Page 1", "Page 4", "Page 5", "Page 6", "Page 10"]);
    expect(numbers.filter((a) => a["aria-current"] === "page").map((a) => a.href)).toEqual(["/results?page=5"]);
    expect(all(html, "li").filter(hasClass("nhsuk-pagination__item--ellipsis"))).toHaveLength(2);
    expect(find(html, "nav")).toMatchObject({
      class: "nhsuk-pagination nhsuk-pagination--numbered",
      "aria-label": "Pagination",
    });
  });

  it("omits previous on the first page and next on the last", () => {
    expect(render(<Pagination page={1} pageCount={3} hrefFor={hrefFor} />)).not.toContain('rel="prev"');
    expect(render(<Pagination page={3} pageCount={3} hrefFor={hrefFor} />)).not.toContain('rel="next"');
  });

  it("renders nothing for a single page", () => {
    expect(render(<Pagination page={1} pageCount={1} hrefFor={hrefFor} />)).toBe("");
  });
});

describe("Card", () => {
  it("becomes clickable through its heading link when given an href", () => {
    const html = render(<Card heading="Asthma" href="/asthma" headingLevel={3} description="Admissions by area" />);
    expect(find(html, "div").class).toBe("nhsuk-card nhsuk-card--clickable");
    expect(html).toContain(
      '<h3 class="nhsuk-card__heading"><a class="nhsuk-card__link" href="/asthma">Asthma</a></h3>',
    );
    expect(html).toContain('<p class="nhsuk-card__description">Admissions by area</p>');
  });

  it("is a plain card with an h2 heading by default", () => {
    const html = render(<Card heading="About">Body</Card>);
    expect(find(html, "div").class).toBe("nhsuk-card");
    expect(html).toContain('<h2 class="nhsuk-card__heading">About</h2>Body');
    expect(html).not.toContain("<a");
  });
});

describe("SummaryList", () => {
  it("renders keys and values, with change links completed for screen readers", () => {
    const html = render(
      <SummaryList
        rows={[
          { key: "Name", value: "Ada", action: { href: "/name", label: "Change", visuallyHiddenText: "name" } },
          { key: "Role", value: "Analyst" },
        ]}
      />,
    );
    expect(html).toContain(
      '<dt class="nhsuk-summary-list__key">Name</dt><dd class="nhsuk-summary-list__value">Ada</dd>',
    );
    expect(html).toContain(
      '<a class="nhsuk-link" href="/name">Change<span class="nhsuk-u-visually-hidden"> name</span></a>',
    );
    expect(all(html, "div").map((row) => row.class)).toEqual([
      "nhsuk-summary-list__row",
      "nhsuk-summary-list__row nhsuk-summary-list__row--no-actions",
    ]);
  });
});

describe("Tag", () => {
  it("applies the colour modifier", () => {
    expect(render(<Tag colour="aqua-green">Published</Tag>)).toBe(
      '<strong class="nhsuk-tag nhsuk-tag--aqua-green">Published</strong>',
    );
    expect(render(<Tag>Draft</Tag>)).toBe('<strong class="nhsuk-tag">Draft</strong>');
  });
});

describe("TagList", () => {
  it("puts each tag in a list item of its own, linked when it has an address", () => {
    const tags = [
      { key: "trust", label: "Building trust with communities", href: "/priorities/trust" },
      { key: "tech", label: "Fair technology and innovation" },
    ];
    expect(render(<TagList tags={tags} colour="white" />)).toBe(
      '<ul class="observatory-tag-list"><li><a href="/priorities/trust"><strong class="nhsuk-tag nhsuk-tag--white">Building trust with communities</strong></a></li>' +
        '<li><strong class="nhsuk-tag nhsuk-tag--white">Fair technology and innovation</strong></li></ul>',
    );
  });
});

describe("InsetText", () => {
  it("prefixes its content with visually hidden 'Information:'", () => {
    expect(render(<InsetText>Data is updated monthly</InsetText>)).toBe(
      '<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span><p>Data is updated monthly</p></div>',
    );
  });
});

describe("WarningCallout", () => {
  it("announces 'Important' when the heading does not say it", () => {
    const html = render(<WarningCallout heading="Provisional data">Figures may change</WarningCallout>);
    expect(html).toContain(
      '<h2 class="nhsuk-card__heading"><span class="nhsuk-u-visually-hidden">Important: </span>Provisional data</h2>',
    );
    expect(html).toContain('<p class="nhsuk-card__description">Figures may change</p>');
    expect(find(html, "div").class).toBe("nhsuk-card nhsuk-card--warning");
  });

  it("does not repeat 'Important' in the default heading", () => {
    const html = render(<WarningCallout>Figures may change</WarningCallout>);
    expect(html).toContain('<h2 class="nhsuk-card__heading">Important</h2>');
    expect(html).not.toContain("Important: ");
  });
});

describe("Table", () => {
  const html = render(
    <Table
      caption="Admissions by region"
      head={["Region", "Rate"]}
      rows={[
        ["London", <Tag key="rate">12.5</Tag>],
        ["North East", "9.1"],
      ]}
      firstCellIsHeader
    />,
  );

  it("has a caption and column headers scoped to their columns", () => {
    expect(html).toContain('<caption class="nhsuk-table__caption">Admissions by region</caption>');
    expect(all(html, "th").filter((th) => th.scope === "col")).toHaveLength(2);
  });

  it("repeats column headings for the stacked mobile layout, hidden from assistive technology", () => {
    expect(html).toContain(
      '<span class="nhsuk-table__heading" aria-hidden="true">Rate </span><strong class="nhsuk-tag">12.5</strong>',
    );
    expect(find(html, "table").class).toBe("nhsuk-table nhsuk-table--responsive");
  });

  it("uses row headers for the first cell when asked", () => {
    expect(all(html, "th").filter((th) => th.scope === "row")).toHaveLength(2);
    expect(all(html, "td")).toHaveLength(2);
  });

  it("puts no ARIA role on its elements, which HTML forbids on the rows and cells of a table", () => {
    expect(html).not.toContain("role=");
  });
});

describe("focusSuccessBanner", () => {
  const page = (elements: { summary?: boolean; banner?: boolean }) => {
    const focused: string[] = [];
    const banner = { focus: () => focused.push("banner") };
    return {
      focused,
      root: {
        getElementById: (id: string) => (id === ui.ERROR_SUMMARY_ID && elements.summary ? ({} as HTMLElement) : null),
        querySelector: () => (elements.banner ? banner : null),
      } as unknown as Document,
    };
  };

  it("focuses the success banner when there is one", () => {
    const { root, focused } = page({ banner: true });
    expect(ui.focusSuccessBanner(root)).toBe(true);
    expect(focused).toEqual(["banner"]);
  });

  it("leaves focus to the error summary when the page has one", () => {
    const { root, focused } = page({ banner: true, summary: true });
    expect(ui.focusSuccessBanner(root)).toBe(false);
    expect(focused).toEqual([]);
  });
});

describe("NotificationBanner", () => {
  it("is a region labelled by its title by default", () => {
    const html = render(<NotificationBanner>New data published</NotificationBanner>);
    const banner = find(html, "div", hasClass("nhsuk-notification-banner"));
    expect(banner).toMatchObject({ role: "region", "data-module": "nhsuk-notification-banner" });
    expect(banner).not.toHaveProperty("tabindex");
    expect(find(html, "h2").id).toBe(banner["aria-labelledby"]);
    expect(html).toContain(">Important</h2>");
    expect(html).toContain('<p class="nhsuk-notification-banner__heading">New data published</p>');
  });

  it("is an alert titled Success for the success variant", () => {
    const html = render(<NotificationBanner variant="success" heading="Indicator saved" />);
    expect(find(html, "div", hasClass("nhsuk-notification-banner--success"))).toMatchObject({
      role: "alert",
      tabindex: "-1",
    });
    expect(html).toContain(">Success</h2>");
    expect(html).toContain('<h3 class="nhsuk-notification-banner__heading">Indicator saved</h3>');
  });
});
