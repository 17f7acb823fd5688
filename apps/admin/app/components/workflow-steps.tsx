import { Radios, Select, TextInput } from "@observatory/ui";
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
          return (
            <li key={n}>
              <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Step {n + 1}</legend>
                <TextInput
                  id={field("name")}
                  name={field("name")}
                  label="What the step is"
                  hint="The status names it while it waits: “Clinical sign-off” shows as “Awaiting clinical sign-off”."
                  defaultValue={step.name}
                  error={errors[field("name")]}
                  width={30}
                  autoFocus={focus === field("name")}
                />
                <Select
                  id={field("groupId")}
                  name={field("groupId")}
                  label="Who decides it"
                  defaultValue={step.groupId}
                  error={errors[field("groupId")]}
                  options={[
                    { value: "", label: "Choose a group" },
                    ...groups.map((g) => ({ value: g.id, label: g.name })),
                  ]}
                />
                <Radios
                  idPrefix={field("requirement")}
                  name={field("requirement")}
                  legend="Approval needed"
                  inline
                  defaultValue={step.requirement}
                  items={[
                    { value: "ANY", label: "Any one member" },
                    { value: "ALL", label: "Every member" },
                  ]}
                />
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
