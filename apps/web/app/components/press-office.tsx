import { type ContactLine, ContactLines, isSet } from "./contact-details";

// The press office's contact details, on every press release and on their list (decision 024).
// Nothing at all while none is set.

export type PressOfficeProps = {
  details: { pressEmail: string; pressPhone: string; pressOutOfHoursPhone: string };
};

export function PressOffice({ details }: PressOfficeProps) {
  const lines: ContactLine[] = [
    { label: "Email", email: details.pressEmail },
    { label: "Telephone", phone: details.pressPhone },
    { label: "Out of hours", phone: details.pressOutOfHoursPhone },
  ];
  if (!lines.some(isSet)) return null;
  return (
    <section aria-labelledby="press-office-heading" className="nhsuk-u-margin-top-6">
      <h2 id="press-office-heading" className="nhsuk-heading-m">
        Press office
      </h2>
      <p>Journalists can contact our press office for comment, interviews and more information.</p>
      <ContactLines lines={lines} />
    </section>
  );
}
