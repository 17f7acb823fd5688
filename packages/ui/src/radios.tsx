import type { ReactNode } from "react";
import { ChoiceGroup } from "./choice-group";

export type RadioItem = { value: string; label: ReactNode; hint?: ReactNode };

export type RadiosProps = {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  items: RadioItem[];
  defaultValue?: string;
  inline?: boolean;
};

export function Radios({ items, defaultValue, ...rest }: RadiosProps) {
  return (
    <ChoiceGroup
      type="radio"
      {...rest}
      items={items.map((item) => ({ ...item, checked: defaultValue !== undefined && item.value === defaultValue }))}
    />
  );
}
