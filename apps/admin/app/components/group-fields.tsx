import { Checkboxes, TextInput, Textarea } from "@observatory/ui";
import type { FormState } from "~/components/form-errors";

type Props = {
  state: FormState;
  initial: { name: string; description: string; roles: string[] };
  roleOptions: { value: string; label: string }[];
};

/** A review group's own fields (the new and edit pages). */
export function GroupFields({ state, initial, roleOptions }: Props) {
  const typedRoles = state.values.roles !== undefined ? state.values.roles.split(",") : initial.roles;
  return (
    <>
      <TextInput
        id="name"
        name="name"
        label="Name"
        hint="For example Clinical reviewers, or Communications director"
        defaultValue={state.values.name ?? initial.name}
        error={state.fieldErrors.name}
        width={30}
      />
      <Textarea
        id="description"
        name="description"
        label="What the group is for (optional)"
        defaultValue={state.values.description ?? initial.description}
        error={state.fieldErrors.description}
        rows={2}
      />
      <Checkboxes
        idPrefix="roles"
        name="roles"
        legend="Also everyone with the role"
        hint="They are in the group while they hold the role, as well as the people you name."
        error={state.fieldErrors.roles}
        items={roleOptions.map((r) => ({ ...r, checked: typedRoles.includes(r.value) }))}
      />
    </>
  );
}
