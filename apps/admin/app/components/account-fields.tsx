import { TextInput, type TextInputProps } from "@observatory/ui";
import type { FormState } from "./form-errors";

// The email and password fields people sign in with, as every form that asks for them shows them.

/** An email address field (id and name "email"), refilled with what a refused form was sent. */
export function EmailAddressInput({
  state,
  autoComplete,
  width,
  current,
}: {
  state: FormState;
  /** The address on file, shown until the form is sent. */
  current?: string;
  /** "username" where it is the person's own address, "off" for someone else's. */
  autoComplete?: "username" | "off";
  width?: TextInputProps["width"];
}) {
  return (
    <TextInput
      id="email"
      name="email"
      type="email"
      label="Email address"
      autoComplete={autoComplete}
      spellCheck={false}
      width={width}
      defaultValue={state.values.email ?? current}
      error={state.fieldErrors.email}
    />
  );
}

/** The person's current password (never refilled). */
export function CurrentPasswordInput({
  state,
  name = "password",
  label = "Password",
}: {
  state: FormState;
  name?: string;
  label?: string;
}) {
  return (
    <TextInput
      id={name}
      name={name}
      type="password"
      label={label}
      autoComplete="current-password"
      error={state.fieldErrors[name]}
    />
  );
}
