import { WarningCallout } from "@observatory/ui";

/** New recovery codes, shown once. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <WarningCallout heading="Save your recovery codes now">
        <p>
          Each code signs you in once if you do not have your phone. Print them, or keep them in a password manager.
          This is the only time they are shown.
        </p>
      </WarningCallout>
      <ul className="nhsuk-list" aria-label="Recovery codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
