// The audit log's filters as its page's address carries them: the page and its CSV export read the
// same query string, so a download holds exactly the view it was asked from.

export const AUDIT_FILTERS = ["q", "actorId", "action", "targetType", "targetId", "from", "to"] as const;

export type AuditFilterValues = Record<(typeof AUDIT_FILTERS)[number], string>;

export function readAuditFilters(params: URLSearchParams): AuditFilterValues {
  return Object.fromEntries(AUDIT_FILTERS.map((name) => [name, params.get(name)?.trim() ?? ""])) as AuditFilterValues;
}

/** The query string of the filters that are set. */
export function auditFilterQuery(values: Record<string, string>): URLSearchParams {
  return new URLSearchParams(Object.entries(values).filter(([, v]) => v));
}
