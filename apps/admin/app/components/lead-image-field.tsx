import { Select } from "@observatory/ui";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";

export type LeadImageChoice = { id: string; title: string; alt: string; thumbnailUrl: string };

type Props = { defaultValue: string; error?: string };

/**
 * The content form's lead image: one of the library's newest images (a plain select, so it works
 * without JavaScript), with a preview of the one chosen. The route's loader returns the choices
 * (`leadImageChoices` in lib/lead-image.server.ts).
 */
export function LeadImageField({ defaultValue, error }: Props) {
  const { leadImages = [] } = useLoaderData<{ leadImages?: LeadImageChoice[] }>();
  const [chosenId, setChosenId] = useState(defaultValue);
  const chosen = leadImages.find((image) => image.id === chosenId);
  return (
    <div className="nhsuk-u-margin-bottom-5">
      {/* The select is the shared component: its change reaches this wrapper. */}
      <div
        onChange={(event) => {
          const target: EventTarget = event.target;
          if (target instanceof HTMLSelectElement) setChosenId(target.value);
        }}
      >
        <Select
          id="leadImageId"
          name="leadImageId"
          label="Lead image (optional)"
          hint="Shown at the top of the page, beside it in lists, and when the page is shared. Upload images in the media library."
          options={[
            { value: "", label: "No lead image" },
            ...leadImages.map((image) => ({ value: image.id, label: image.title })),
          ]}
          defaultValue={defaultValue}
          error={error}
        />
      </div>
      {chosen && (
        <p>
          <img className="admin-thumbnail" src={chosen.thumbnailUrl} alt={chosen.alt} />
          <span className="nhsuk-body-s">
            {chosen.alt ? `Alt text: ${chosen.alt}` : "Decorative image (no alt text)"}
          </span>
        </p>
      )}
    </div>
  );
}
