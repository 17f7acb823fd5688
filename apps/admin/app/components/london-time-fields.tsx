import { describeLondonZone, type LondonClock } from "@observatory/time";
import { ErrorMessage, Hint, Radios } from "@observatory/ui";
import { type FormEvent, useEffect, useState } from "react";

// Date and time inputs for London times: the browser's own date and time controls, the zone named
// in the hint, and a line saying whether the date (and time) entered is BST or GMT, or how that
// day's clock change affects it. The line is written by the server from what the form holds, so it
// is there without JavaScript, and rewritten in the browser as the date or time changes.

const ZONE_HINT = "UK time (Europe/London).";

const clockItems = [
  { value: "BST", label: "British Summer Time, UTC+1 (the first time)" },
  { value: "GMT", label: "Greenwich Mean Time, UTC+0 (the second time)" },
];

const asClock = (value: string): LondonClock | undefined => (value === "BST" || value === "GMT" ? value : undefined);

const inputClass = (hasError: boolean, width: string) =>
  `nhsuk-input nhsuk-date-input__input ${width}${hasError ? " nhsuk-input--error" : ""}`;

function ZoneLine({ id, text }: { id: string; text: string | null }) {
  return (
    <p className="nhsuk-body-s nhsuk-u-margin-bottom-2" id={id} aria-live="polite">
      {text ?? "Enter a date to see whether it is British Summer Time (UTC+1) or Greenwich Mean Time (UTC+0)."}
    </p>
  );
}

/** The value an input holds now: text typed before the page's JavaScript ran fired no event React saw. */
function useCurrentValue(id: string, set: (value: string) => void) {
  useEffect(() => {
    const input = document.getElementById(id);
    if (input instanceof HTMLInputElement) set(input.value);
  }, [id, set]);
}

export type LondonDateTimeFieldsProps = {
  /** The error summary's key for the whole group ("publishAt"); ids of the hint and error derive from it. */
  idPrefix: string;
  legend: string;
  /** Ids and names of the controls: the date's is the one error summary links land on. */
  ids: { date: string; time: string; clock: string };
  values: { date?: string; time?: string; clock?: string };
  error?: string;
  /** The control the error is about (from the server's reading of what was entered). */
  errorPart?: "date" | "time" | "clock";
  clockLegend: string;
};

/** A London date and time: a fieldset with a date input, a time input and, for October's repeated hour, BST or GMT. */
export function LondonDateTimeFields({
  idPrefix,
  legend,
  ids,
  values,
  error,
  errorPart = "date",
  clockLegend,
}: LondonDateTimeFieldsProps) {
  const [date, setDate] = useState(values.date ?? "");
  const [time, setTime] = useState(values.time ?? "");
  const [clock, setClock] = useState(values.clock ?? "");
  useCurrentValue(ids.date, setDate);
  useCurrentValue(ids.time, setTime);
  const hintId = `${idPrefix}-hint`;
  const zoneId = `${idPrefix}-zone`;
  const errorId = error ? `${idPrefix}-error` : undefined;

  function onChange(event: FormEvent<HTMLDivElement>) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    if (target.id === ids.date) setDate(target.value);
    else if (target.id === ids.time) setTime(target.value);
    else if (target.name === ids.clock && target.checked) setClock(target.value);
  }

  return (
    // Change events bubble up from the inputs; the div itself is not interactive.
    <div onChange={onChange}>
      <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={[hintId, zoneId, errorId].filter(Boolean).join(" ")}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
          <Hint id={hintId}>{ZONE_HINT}</Hint>
          <ZoneLine id={zoneId} text={describeLondonZone(date, time, asClock(clock))} />
          {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
          <div className="nhsuk-date-input">
            <div className="nhsuk-date-input__item">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={ids.date}>
                  Date
                </label>
                <input
                  className={inputClass(Boolean(error) && errorPart === "date", "nhsuk-input--width-10")}
                  id={ids.date}
                  name={ids.date}
                  type="date"
                  defaultValue={values.date}
                />
              </div>
            </div>
            <div className="nhsuk-date-input__item">
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={ids.time}>
                  Time
                </label>
                <input
                  className={inputClass(Boolean(error) && errorPart === "time", "nhsuk-input--width-5")}
                  id={ids.time}
                  name={ids.time}
                  type="time"
                  defaultValue={values.time}
                />
              </div>
            </div>
          </div>
        </fieldset>
      </div>
      <Radios
        idPrefix={ids.clock}
        name={ids.clock}
        legend={clockLegend}
        defaultValue={values.clock}
        items={clockItems}
      />
    </div>
  );
}
