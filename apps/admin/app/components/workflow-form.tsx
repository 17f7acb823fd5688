import { Button, TextInput } from "@observatory/ui";
import { Form } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { WorkflowSteps } from "~/components/workflow-steps";
import type { StepValues } from "~/lib/workflows.server";

type Props = {
  title: string;
  /** The workflow as saved (or a blank one). */
  initial: { name: string; steps: StepValues[] };
  /** The action's answer: steps rearranged, or a refused save with what was typed. */
  answer: unknown;
  groups: { id: string; name: string }[];
  submitLabel: string;
};

type Rearranged = { steps: StepValues[]; focus: string; values: { name: string } };

const isRearranged = (answer: unknown): answer is Rearranged =>
  typeof answer === "object" && answer !== null && "steps" in answer && "focus" in answer;

/**
 * A workflow's name and steps (the new and edit pages). Shows the steps as the last answer left
 * them: rearranged by a button, or as typed when saving was refused.
 */
export function WorkflowForm({ title, initial, answer, groups, submitLabel }: Props) {
  const state = formState(answer);
  const rearranged = isRearranged(answer) ? answer : null;
  const typedSteps = state.values.steps ? (JSON.parse(state.values.steps) as StepValues[]) : null;
  const name = rearranged?.values.name ?? state.values.name ?? initial.name;
  const steps = rearranged?.steps ?? typedSteps ?? initial.steps;
  const focus = rearranged?.focus ?? null;
  const stepFields = steps.flatMap((_, n) => [`steps.${n}.name`, `steps.${n}.groupId`]);
  return (
    <>
      <FormErrorSummary title={title} state={state} fields={["name", ...stepFields, "steps"]} />
      <Form method="post" noValidate>
        {/* The first submit button is what Enter in a text box presses: saving, not moving a step. */}
        <button
          type="submit"
          className="nhsuk-u-visually-hidden"
          name="intent"
          value="save"
          tabIndex={-1}
          aria-hidden="true"
        >
          {submitLabel}
        </button>
        <TextInput id="name" name="name" label="Name" defaultValue={name} error={state.fieldErrors.name} width={30} />
        <h2>Steps</h2>
        <p>Each step waits for its group's decision before the next begins. Nobody decides on their own revision.</p>
        <WorkflowSteps steps={steps} groups={groups} errors={state.fieldErrors} focus={focus} />
        <Button name="intent" value="save">
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
