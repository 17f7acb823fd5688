// A publication's documents, listed as GOV.UK lists them (decision 029): title, type, size and a
// PDF's pages, and for a file that may not work with assistive technology, a way to ask for another
// format.

export type ListedAttachment = {
  originId: string;
  title: string;
  href: string;
  formatLabel: string;
  byteSize: number;
  pageCount: number | null;
  isAccessible: boolean;
  isHtml: boolean;
};

export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function describe(attachment: ListedAttachment): string {
  if (attachment.isHtml) return "HTML";
  const pages = attachment.pageCount
    ? `, ${attachment.pageCount} ${attachment.pageCount === 1 ? "page" : "pages"}`
    : "";
  return `${attachment.formatLabel}, ${fileSize(attachment.byteSize)}${pages}`;
}

export function AttachmentList({ attachments, itemPath }: { attachments: ListedAttachment[]; itemPath: string }) {
  if (!attachments.length) return null;
  return (
    <section aria-labelledby="documents-heading" className="nhsuk-u-margin-top-6">
      <h2 id="documents-heading">Documents</h2>
      <ul className="nhsuk-list observatory-attachments">
        {attachments.map((attachment) => (
          <li key={attachment.originId} className="observatory-attachment">
            <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
              <a href={attachment.href}>{attachment.title}</a>
            </h3>
            <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">{describe(attachment)}</p>
            {!attachment.isAccessible && (
              <p className="nhsuk-body-s">
                This file may not be suitable for users of assistive technology.{" "}
                <a href={`${itemPath}/request-format/${attachment.originId}`}>
                  Request an accessible format<span className="nhsuk-u-visually-hidden"> of {attachment.title}</span>
                </a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
