import type { ReactNode } from "react";
import { cx, isPresent } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";

export type TextareaProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
};

export function Textarea({ id, name, label, hint, error, defaultValue, rows = 5 }: TextareaProps) {
  const hintId = isPresent(hint) ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  return (
    <div className={cx("nhsuk-form-group", error && "nhsuk-form-group--error")}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hintId && <Hint id={hintId}>{hint}</Hint>}
      {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <textarea
        className={cx("nhsuk-textarea", error && "nhsuk-textarea--error")}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={cx(hintId, errorId)}
        defaultValue={defaultValue}
      />
    </div>
  );
}
