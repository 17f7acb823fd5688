import type { AuditTarget } from "@observatory/api";

type Props = {
  event: { targetType: string; targetId: string | null; target: AuditTarget };
  /** The log filtered to this target's events, when it has an id. */
  eventsHref: string | null;
};

/** What an audit event is about: a link to its page, or word that it no longer exists. */
export function AuditTargetCell({ event: { targetType, targetId, target }, eventsHref }: Props) {
  const named = targetId ? <span className="nhsuk-u-visually-hidden">{` ${targetId}`}</span> : null;
  return (
    <>
      <div>
        {target.kind === "page" ? (
          <a href={target.path}>
            {targetType}
            {named}
          </a>
        ) : (
          <>
            {targetType}
            {named}
            {target.kind === "gone" && " (no longer exists)"}
          </>
        )}
      </div>
      {eventsHref && (
        <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">
          <a href={eventsHref}>
            All its events<span className="nhsuk-u-visually-hidden">{` (${targetType} ${targetId})`}</span>
          </a>
        </div>
      )}
    </>
  );
}
