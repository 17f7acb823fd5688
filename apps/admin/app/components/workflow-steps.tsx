import { cx } from "@observatory/ui";
import type { StepValues } from "~/lib/workflows.server";

type Props = {
  steps: StepValues[];
  groups: { id: string; name: string }[];
  errors: Record<string, string>;
  /** The field to put the cursor in after a step was added, removed or moved. */
  focus: string | null;
};

/**
 * A workflow's steps, one fieldset each, in the order they are taken. Adding, removing and moving
 * are buttons of the same form, so they work without JavaScript.
 */
export function WorkflowSteps({ steps, groups, errors, focus }: Props) {
  return (
    <>
      <input type="hidden" name="stepCount" value={steps.length} />
      <ol className="observatory-workflow-steps nhsuk-list">
        {steps.map((step, n) => {
          const field = (name: string) => `steps.${n}.${name}`;
          const error = (name: string) => errors[field(name)];
          return (
            <li key={n}>
              <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Step {n + 1}</legend>
                <div className={cx("nhsuk-form-group", error("name") && "nhsuk-form-group--error")}>
                  <label className="nhsuk-label" htmlFor={field("name")}>
                    What the step is
                  </label>
                  <div className="nhsuk-hint" id={`${field("name")}-hint`}>
                    The status names it while it waits: “Clinical sign-off” shows as “Awaiting clinical sign-off”.
                  </div>
                  {error("name") && (
                    <span className="nhsuk-error-message" id={`${field("name")}-error`}>
                      <span className="nhsuk-u-visually-hidden">Error:</span> {error("name")}
                    </span>
                  )}
                  <input
                    className={cx("nhsuk-input nhsuk-input--width-30", error("name") && "nhsuk-input--error")}
                    id={field("name")}
                    name={field("name")}
                    defaultValue={step.name}
                    aria-describedby={cx(`${field("name")}-hint`, error("name") && `${field("name")}-error`)}
                    // biome-ignore lint/a11y/noAutofocus: returns the cursor to the step just added or moved
                    autoFocus={focus === field("name")}
                  />
                </div>
                <div className={cx("nhsuk-form-group", error("groupId") && "nhsuk-form-group--error")}>
                  <label className="nhsuk-label" htmlFor={field("groupId")}>
                    Who decides it
                  </label>
                  {error("groupId") && (
                    <span className="nhsuk-error-message" id={`${field("groupId")}-error`}>
                      <span className="nhsuk-u-visually-hidden">Error:</span> {error("groupId")}
                    </span>
                  )}
                  <select
                    className={cx("nhsuk-select", error("groupId") && "nhsuk-select--error")}
                    id={field("groupId")}
                    name={field("groupId")}
                    defaultValue={step.groupId}
                    aria-describedby={error("groupId") ? `${field("groupId")}-error` : undefined}
                  >
                    <option value="">Choose a group</option>
                    {groups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                </div>
                <fieldset className="nhsuk-fieldset">
                  <legend className="nhsuk-fieldset__legend">Approval needed</legend>
                  <div className="nhsuk-radios nhsuk-radios--inline">
                    {(
                      [
                        ["ANY", "Any one member"],
                        ["ALL", "Every member"],
                      ] as const
                    ).map(([value, label]) => (
                      <div className="nhsuk-radios__item" key={value}>
                        <input
                          className="nhsuk-radios__input"
                          id={value === "ANY" ? field("requirement") : `${field("requirement")}-all`}
                          name={field("requirement")}
                          type="radio"
                          value={value}
                          defaultChecked={step.requirement === value}
                        />
                        <label
                          className="nhsuk-label nhsuk-radios__label"
                          htmlFor={value === "ANY" ? field("requirement") : `${field("requirement")}-all`}
                        >
                          {label}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
                <div className="observatory-step-actions">
                  {n > 0 && (
                    <button
                      type="submit"
                      className="nhsuk-button nhsuk-button--secondary"
                      name="intent"
                      value={`up:${n}`}
                    >
                      Move step {n + 1} up
                    </button>
                  )}
                  {steps.length > 1 && (
                    <button
                      type="submit"
                      className="nhsuk-button nhsuk-button--secondary"
                      name="intent"
                      value={`remove:${n}`}
                    >
                      Remove step {n + 1}
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {errors.steps && (
        <p className="nhsuk-error-message" id="steps-error">
          <span className="nhsuk-u-visually-hidden">Error:</span> {errors.steps}
        </p>
      )}
      {steps.length < 10 && (
        <button
          type="submit"
          className="nhsuk-button nhsuk-button--secondary"
          id="add-step"
          name="intent"
          value="add"
          // biome-ignore lint/a11y/noAutofocus: after the last step is removed, the cursor goes here
          autoFocus={focus === "add-step"}
        >
          Add another step
        </button>
      )}
    </>
  );
}
