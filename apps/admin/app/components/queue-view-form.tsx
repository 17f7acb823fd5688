import { Button, Radios, Select } from "@observatory/ui";
import { Form } from "@remix-run/react";

// The moderator's choice of how the queue looks: cards (everything about each comment) or a dense
// table, and how many comments a page. Saved on their account, so it holds on every device.

const pageSizes = ["10", "25", "50", "100"];

export function QueueViewForm({ view, pageSize }: { view: "CARDS" | "TABLE"; pageSize: number }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Showing {view === "TABLE" ? "a table" : "cards"}, {pageSize} a page
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <Form method="post">
          <Radios
            idPrefix="view"
            name="view"
            legend="Show comments as"
            defaultValue={view}
            items={[
              { value: "CARDS", label: "Cards", hint: "Everything about each comment, with its buttons." },
              { value: "TABLE", label: "A table", hint: "One row per comment; its actions show on hover or focus." },
            ]}
          />
          <Select
            id="pageSize"
            name="pageSize"
            label="Comments a page"
            defaultValue={String(pageSize)}
            options={pageSizes.map((size) => ({ value: size, label: size }))}
          />
          <Button variant="secondary" name="intent" value="view">
            Save view
          </Button>
        </Form>
      </div>
    </details>
  );
}
