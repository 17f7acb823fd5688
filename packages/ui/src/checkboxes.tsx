import type { ReactNode } from "react";
import { ChoiceGroup } from "./choice-group";

export type CheckboxItem = { value: string; label: ReactNode; hint?: ReactNode; checked?: boolean };

export type CheckboxesProps = {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  items: CheckboxItem[];
};

export function Checkboxes(props: CheckboxesProps) {
  return <ChoiceGroup type="checkbox" {...props} />;
}
