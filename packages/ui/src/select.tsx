import type { ReactNode } from "react";
import { cx, isPresent } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";

export type SelectOption = { value: string; label: string };

export type SelectProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: SelectOption[];
  defaultValue?: string;
};

export function Select({ id, name, label, hint, error, options, defaultValue }: SelectProps) {
  const hintId = isPresent(hint) ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  return (
    <div className={cx("nhsuk-form-group", error && "nhsuk-form-group--error")}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hintId && <Hint id={hintId}>{hint}</Hint>}
      {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <select
        className={cx("nhsuk-select", error && "nhsuk-select--error")}
        id={id}
        name={name}
        aria-describedby={cx(hintId, errorId)}
        defaultValue={defaultValue}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
