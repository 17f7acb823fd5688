import type { ReactNode } from "react";
import { cx, isPresent } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";

export type CharacterCountProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  maxLength: number;
  rows?: number;
};

/**
 * The limit is stated in server-rendered text so it works without JS; nhsuk-frontend's JS replaces it
 * with a live count. No `maxlength` attribute: users may go over and are told by how much, as the design system intends.
 */
export function CharacterCount({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  maxLength,
  rows = 5,
}: CharacterCountProps) {
  const infoId = `${id}-info`;
  const hintId = isPresent(hint) ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  return (
    <div
      className={cx("nhsuk-form-group", error && "nhsuk-form-group--error", "nhsuk-character-count")}
      data-module="nhsuk-character-count"
      data-maxlength={maxLength}
    >
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hintId && <Hint id={hintId}>{hint}</Hint>}
      {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <textarea
        className={cx("nhsuk-textarea", error && "nhsuk-textarea--error", "nhsuk-js-character-count")}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={cx(infoId, hintId, errorId)}
        defaultValue={defaultValue}
      />
      <Hint id={infoId} className="nhsuk-character-count__message">
        {`You can enter up to ${maxLength} characters`}
      </Hint>
    </div>
  );
}
