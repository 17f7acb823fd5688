import { type DragEvent, useEffect, useRef, useState } from "react";

type Props = { error?: string };

/**
 * The file field of the upload form. Without JavaScript it is a plain file input; with it, the
 * whole labelled area also takes a file dropped on it (put into the same input, so the form sends
 * it the same way). The input stays the one control: keyboard users tab to it and choose a file.
 */
export function ImageFileField({ error }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [canDrop, setCanDrop] = useState(false);
  const [isOver, setIsOver] = useState(false);
  const [chosen, setChosen] = useState("");
  useEffect(() => setCanDrop(true), []);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsOver(false);
    const files = event.dataTransfer.files;
    if (!input.current || files.length === 0) return;
    input.current.files = files;
    setChosen(files[0]?.name ?? "");
  }

  const describedBy = ["file-hint", error ? "file-error" : "", chosen ? "file-chosen" : ""].filter(Boolean).join(" ");
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only a wider target for a dropped file; the input inside is the control, reached by keyboard */}
      <div
        className={`admin-drop-zone${isOver ? " admin-drop-zone--over" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}
      >
        <label className="nhsuk-label nhsuk-label--s" htmlFor="file" id="file-label">
          {canDrop ? "Drop an image here, or choose a file" : "Choose an image"}
        </label>
        <div className="nhsuk-hint" id="file-hint">
          PNG, JPEG, GIF or WebP, 5 MB or smaller.
        </div>
        {error && (
          <span className="nhsuk-error-message" id="file-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input
          ref={input}
          className="nhsuk-file-upload__input"
          id="file"
          name="file"
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          aria-describedby={describedBy}
          onChange={(event) => setChosen(event.currentTarget.files?.[0]?.name ?? "")}
        />
        <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0" id="file-chosen" aria-live="polite">
          {chosen && `Chosen: ${chosen}`}
        </p>
      </div>
    </div>
  );
}
