import type { ChangeEvent } from "react";

// Choosing items for a bulk action. Without JavaScript, "Select all on this page" is itself an
// answer the server reads (it acts on every item the page listed); with it, the box also ticks and
// unticks the rows, and unticking a row unticks it, so that what is ticked is what is acted on.

const SELECT_ALL_ID = "select-all-on-page";

function rowBoxes(form: HTMLFormElement | null): HTMLInputElement[] {
  return form ? [...form.querySelectorAll<HTMLInputElement>('input[name="selected"]')] : [];
}

function selectAll(event: ChangeEvent<HTMLInputElement>) {
  for (const box of rowBoxes(event.currentTarget.form)) box.checked = event.currentTarget.checked;
}

function selectOne(event: ChangeEvent<HTMLInputElement>) {
  const all = event.currentTarget.form?.querySelector<HTMLInputElement>(`#${SELECT_ALL_ID}`);
  if (all) all.checked = rowBoxes(event.currentTarget.form).every((box) => box.checked);
}

export function SelectAllOnPage() {
  return (
    <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-3">
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input"
          id={SELECT_ALL_ID}
          name="allOnPage"
          type="checkbox"
          value="yes"
          onChange={selectAll}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={SELECT_ALL_ID}>
          Select all on this page
        </label>
      </div>
    </div>
  );
}

/** A row's checkbox, labelled with the item's title for screen readers. */
export function BulkSelection({ id, title }: { id: string; title: string }) {
  return (
    <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input"
          id={`select-${id}`}
          name="selected"
          type="checkbox"
          value={id}
          onChange={selectOne}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`select-${id}`}>
          <span className="nhsuk-u-visually-hidden">Select {title}</span>
        </label>
      </div>
    </div>
  );
}
