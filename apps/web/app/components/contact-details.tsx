// The organisation's contact details as pages print them (decision 024): each only when it is set,
// so an empty setting leaves no label without a value.

/** A mailto link showing the address. */
export function EmailLink({ email }: { email: string }) {
  return <a href={`mailto:${email}`}>{email}</a>;
}

/** A tel: link (its digits and a leading +) showing the number as it was written. */
function PhoneLink({ phone }: { phone: string }) {
  return <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>;
}

export type ContactLine = { label: string } & ({ email: string } | { phone: string });

/** Whether a line has a value to show. */
export const isSet = (line: ContactLine): boolean => Boolean("email" in line ? line.email : line.phone);

/** "Email: x", "Telephone: y", leaving out the lines with no value; nothing at all when none has one. */
export function ContactLines({ lines }: { lines: ContactLine[] }) {
  const shown = lines.filter(isSet);
  if (!shown.length) return null;
  return (
    <ul className="nhsuk-list">
      {shown.map((line) => (
        <li key={line.label}>
          {line.label}: {"email" in line ? <EmailLink email={line.email} /> : <PhoneLink phone={line.phone} />}
        </li>
      ))}
    </ul>
  );
}

/** A postal address, one line of it per line. */
export function PostalAddress({ address }: { address: string }) {
  if (!address) return null;
  const lines = address.split("\n");
  return (
    <address className="nhsuk-u-margin-bottom-4 observatory-address">
      {lines.map((line, index) => (
        // The lines of an address are fixed text: the index is their identity.
        <span key={index}>
          {line}
          {index < lines.length - 1 && <br />}
        </span>
      ))}
    </address>
  );
}
