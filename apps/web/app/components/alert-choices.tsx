import type { AppRouter } from "@observatory/api";
import { Checkboxes, Radios } from "@observatory/ui";
import type { inferRouterInputs } from "@trpc/server";

// The choices of an email alert subscription, as the subscribe and manage pages ask for them.

type ChoicesInput = Omit<inferRouterInputs<AppRouter>["alerts"]["update"], "token">;

/** The choices as the form holds them: what the API takes, once it has checked them. */
export type AlertChoiceValues = { everything: boolean; kinds: string[]; priorities: string[]; frequency: string };

type Option = { value: string; label: string };
export type AlertOptions = { kinds: Option[]; frequencies: Option[]; priorities: { slug: string; title: string }[] };

/** The fields in page order, with the id an error summary links to. */
export const alertChoiceFields = [
  ["choice", "alerts-everything"],
  ["priorities", "alerts-priorities"],
  ["frequency", "alerts-frequency"],
] as const;

/**
 * What a subscribe or manage form posted, in the shape the API takes: unchecked words from the
 * form, which the API's schema checks (and refuses beside the field) before anything else reads them.
 */
export function alertChoicesFrom(form: FormData): ChoicesInput & AlertChoiceValues {
  return {
    everything: form.get("everything") === "yes",
    kinds: form.getAll("kind").map(String) as ChoicesInput["kinds"],
    priorities: form.getAll("priority").map(String),
    frequency: String(form.get("frequency") ?? "") as ChoicesInput["frequency"],
  };
}

export function AlertChoices({
  options,
  values,
  errors,
}: {
  options: AlertOptions;
  values: AlertChoiceValues | null;
  errors: Record<string, string> | undefined;
}) {
  return (
    <>
      <Checkboxes
        idPrefix="alerts-everything"
        name="everything"
        legend="What do you want to hear about?"
        hint="Choose everything, or any types of content and priorities below. You get an email about an item if it matches any of your choices."
        error={errors?.choice ?? errors?.kinds}
        items={[{ value: "yes", label: "Everything we publish", checked: values?.everything ?? false }]}
      />
      <Checkboxes
        idPrefix="alerts-kinds"
        name="kind"
        legend="Types of content"
        items={options.kinds.map((kind) => ({ ...kind, checked: values?.kinds.includes(kind.value) ?? false }))}
      />
      <Checkboxes
        idPrefix="alerts-priorities"
        name="priority"
        legend="Our priorities"
        error={errors?.priorities}
        items={options.priorities.map((priority) => ({
          value: priority.slug,
          label: priority.title,
          checked: values?.priorities.includes(priority.slug) ?? false,
        }))}
      />
      <Radios
        idPrefix="alerts-frequency"
        name="frequency"
        legend="How often do you want emails?"
        error={errors?.frequency}
        defaultValue={values?.frequency}
        items={options.frequencies.map((frequency) => ({
          ...frequency,
          hint:
            frequency.value === "WEEKLY" ? "One email a week listing what was published, if anything was" : undefined,
        }))}
      />
    </>
  );
}
