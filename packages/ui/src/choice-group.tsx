import type { ReactNode } from "react";
import { cx, isPresent } from "./class-names";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";

export type ChoiceItem = { value: string; label: ReactNode; hint?: ReactNode; checked?: boolean };

export type ChoiceGroupProps = {
  type: "checkbox" | "radio";
  idPrefix: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  items: ChoiceItem[];
  /** Side by side (nhsuk-radios--inline): for two short choices. */
  inline?: boolean;
};

/** Shared markup of nhsuk checkboxes and radios (the two templates differ only in block name and input type). */
export function ChoiceGroup({ type, idPrefix, name, legend, hint, error, items, inline }: ChoiceGroupProps) {
  const block = type === "checkbox" ? "nhsuk-checkboxes" : "nhsuk-radios";
  const hintId = isPresent(hint) ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;

  return (
    <div className={cx("nhsuk-form-group", error && "nhsuk-form-group--error")}>
      <fieldset className="nhsuk-fieldset" aria-describedby={cx(hintId, errorId)}>
        <legend className="nhsuk-fieldset__legend">{legend}</legend>
        {hintId && <Hint id={hintId}>{hint}</Hint>}
        {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={cx(block, inline && `${block}--inline`)} data-module={block}>
          {items.map((item, index) => {
            // The first input gets the bare prefix so error summary links (#idPrefix) land on it.
            const itemId = index === 0 ? idPrefix : `${idPrefix}-${index + 1}`;
            const itemHintId = isPresent(item.hint) ? `${itemId}-item-hint` : undefined;
            return (
              <div className={`${block}__item`} key={item.value}>
                <input
                  className={`${block}__input`}
                  id={itemId}
                  name={name}
                  type={type}
                  value={item.value}
                  defaultChecked={item.checked}
                  aria-describedby={itemHintId}
                />
                <label className={`nhsuk-label ${block}__label`} htmlFor={itemId}>
                  {item.label}
                </label>
                {itemHintId && (
                  <Hint id={itemHintId} className={`${block}__hint`}>
                    {item.hint}
                  </Hint>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
