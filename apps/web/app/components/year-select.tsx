import { Select } from "@observatory/ui";

/** "Year published": any year, or one of the years anything public was published in. */
export function YearSelect({ id, years, chosen }: { id: string; years: number[]; chosen: number | null }) {
  return (
    <Select
      id={id}
      name="year"
      label="Year published"
      defaultValue={chosen ? String(chosen) : ""}
      options={[{ value: "", label: "Any year" }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
    />
  );
}
