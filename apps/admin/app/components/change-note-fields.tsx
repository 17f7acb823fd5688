import { Radios, Textarea } from "@observatory/ui";

/**
 * "Major or minor change", asked when a revision would replace a page readers have seen
 * (decision 030). The names are the API's; `idPrefix` keeps two forms on one page apart, and the
 * first radio's id is `${idPrefix}Kind`, the note's `${idPrefix}Note`, for the error summary.
 */
export function ChangeNoteFields({
  idPrefix,
  values,
  errors,
}: {
  idPrefix: string;
  values: { changeKind?: string; changeNote?: string };
  errors: { changeKind?: string; changeNote?: string };
}) {
  return (
    <>
      <Radios
        idPrefix={`${idPrefix}Kind`}
        name="changeKind"
        legend={<h3 className="nhsuk-fieldset__heading nhsuk-heading-s">What kind of change is this?</h3>}
        hint="Readers have seen an earlier version of this page."
        error={errors.changeKind}
        defaultValue={values.changeKind}
        items={[
          {
            value: "major",
            label: "Major change",
            hint: "Readers are told: the page shows “Last updated” and your note in its history, and its feeds announce it.",
          },
          {
            value: "minor",
            label: "Minor change",
            hint: "Such as a typo or a broken link: nothing is announced and the page's dates stay as they are.",
          },
        ]}
      />
      <Textarea
        id={`${idPrefix}Note`}
        name="changeNote"
        label="Change note (for a major change)"
        hint="Say what changed, for readers: for example, “Added the 2024 figures for Wales.”"
        error={errors.changeNote}
        defaultValue={values.changeNote}
        rows={3}
      />
    </>
  );
}
