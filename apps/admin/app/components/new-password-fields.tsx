import { passwordHint } from "@observatory/api/password-rules";
import { TextInput } from "@observatory/ui";

/** The "choose a password" pair used when accepting an invitation, resetting and changing a password. */
export function NewPasswordFields({
  label,
  confirmLabel,
  fieldErrors,
}: {
  label: string;
  confirmLabel: string;
  fieldErrors: Record<string, string | undefined>;
}) {
  return (
    <>
      <TextInput
        id="password"
        name="password"
        type="password"
        label={label}
        hint={passwordHint}
        autoComplete="new-password"
        error={fieldErrors.password}
      />
      <TextInput
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label={confirmLabel}
        autoComplete="new-password"
        error={fieldErrors.confirmPassword}
      />
    </>
  );
}
