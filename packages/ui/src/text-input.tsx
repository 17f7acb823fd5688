import type { ReactNode } from "react";
import { cx, isPresent } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";

export type TextInputProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "tel" | "url" | "password" | "search" | "number" | "date";
  autoComplete?: string;
  /** Width in characters (nhsuk-input--width-N). */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  spellCheck?: boolean;
  required?: boolean;
  /** Puts the cursor here when the page loads: only where the person's last action leads (a step just added). */
  autoFocus?: boolean;
};

export function TextInput({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  type = "text",
  autoComplete,
  width,
  spellCheck,
  required,
  autoFocus,
}: TextInputProps) {
  const hintId = isPresent(hint) ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  return (
    <div className={cx("nhsuk-form-group", error && "nhsuk-form-group--error")}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hintId && <Hint id={hintId}>{hint}</Hint>}
      {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        className={cx("nhsuk-input", error && "nhsuk-input--error", width && `nhsuk-input--width-${width}`)}
        id={id}
        name={name}
        type={type}
        spellCheck={spellCheck}
        defaultValue={defaultValue}
        aria-describedby={cx(hintId, errorId)}
        autoComplete={autoComplete}
        required={required}
        // biome-ignore lint/a11y/noAutofocus: only set where the person's own action moved the cursor
        autoFocus={autoFocus}
      />
    </div>
  );
}
