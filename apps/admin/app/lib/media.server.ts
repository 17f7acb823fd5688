import { textField } from "./forms.server";

// Shared by the media library's pages: its form's fields, and sizes in words.

/** The description fields of the upload and edit forms, as typed (kept on errors), and as the API takes them. */
export function readMediaForm(form: FormData) {
  const values = {
    title: textField(form, "title"),
    alt: textField(form, "alt"),
    decorative: textField(form, "decorative") === "yes" ? "yes" : "",
    caption: textField(form, "caption"),
    credit: textField(form, "credit"),
  };
  return {
    values,
    input: {
      title: values.title,
      alt: values.alt,
      decorative: values.decorative === "yes",
      // Browsers send CRLF line ends from a textarea.
      caption: values.caption.replace(/\r\n/g, "\n"),
      credit: values.credit,
    },
  };
}

/** "1,400 × 700 pixels, 212 KB". */
export function describeSize(media: { width: number | null; height: number | null; byteSize: number }): string {
  const kilobytes = `${Math.max(1, Math.round(media.byteSize / 1024)).toLocaleString("en-GB")} KB`;
  if (!media.width || !media.height) return kilobytes;
  return `${media.width.toLocaleString("en-GB")} × ${media.height.toLocaleString("en-GB")} pixels, ${kilobytes}`;
}
