import { Checkboxes, Textarea, TextInput } from "@observatory/ui";
import type { FormState } from "~/components/form-errors";

/** The description fields of a library image, in page order (for the error summary). */
export const mediaFieldNames = ["alt", "decorative", "title", "caption", "credit"];

type Props = { values: Record<string, string>; state: FormState };

/** What staff say about an image: alt text (or decorative), and its title, caption and credit. */
export function MediaFields({ values, state }: Props) {
  return (
    <>
      <TextInput
        id="alt"
        name="alt"
        label="Alt text"
        hint="Describe what the image shows for people who cannot see it, in one line of up to 250 characters. Do not start with “Image of”."
        defaultValue={values.alt}
        error={state.fieldErrors.alt}
      />
      <Checkboxes
        idPrefix="decorative"
        name="decorative"
        legend="Decorative image"
        error={state.fieldErrors.decorative}
        items={[
          {
            value: "yes",
            label: "This image is decorative",
            hint: "It adds nothing a reader would miss, so screen readers skip it and it needs no alt text.",
            checked: values.decorative === "yes",
          },
        ]}
      />
      <TextInput
        id="title"
        name="title"
        label="Title (optional)"
        hint="The name to find it by in the library. Leave empty to use the file name."
        defaultValue={values.title}
        error={state.fieldErrors.title}
      />
      <Textarea
        id="caption"
        name="caption"
        label="Caption (optional)"
        hint="Shown under the image."
        rows={2}
        defaultValue={values.caption}
        error={state.fieldErrors.caption}
      />
      <TextInput
        id="credit"
        name="credit"
        label="Credit (optional)"
        hint="For example, Photograph: Jane Doe"
        defaultValue={values.credit}
        error={state.fieldErrors.credit}
      />
    </>
  );
}
