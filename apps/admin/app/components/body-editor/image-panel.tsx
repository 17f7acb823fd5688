import { createApiClient } from "@observatory/api/client";
import type { Editor } from "@tiptap/core";
import { useEffect, useRef, useState } from "react";
import { focusText } from "./focus-text";

// Putting a library image into the body: find it by its title, alt text or file name, then say
// what it shows here (the library's description is the starting point) or mark it decorative.
// With an image selected in the body, the same panel changes what is said about it. Alt text is
// not forced here: the accessibility check beside the editor is the one rule, and it stops
// submission and publication while an image that is not decorative has none.

type LibraryImage = { id: string; title: string; alt: string; decorative: boolean; thumbnailUrl: string };

/** The image selected in the body, if the selection is one. */
export function selectedImage(editor: Editor): { alt: string; decorative: boolean; caption: string } | null {
  const { selection } = editor.state;
  const node =
    "node" in selection ? (selection.node as { type: { name: string }; attrs: Record<string, unknown> }) : null;
  if (node?.type.name !== "image") return null;
  return {
    alt: String(node.attrs.alt ?? ""),
    decorative: Boolean(node.attrs.decorative),
    caption: String(node.attrs.caption ?? ""),
  };
}

export function ImagePanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [editing] = useState(() => selectedImage(editor));
  const [query, setQuery] = useState("");
  const [images, setImages] = useState<LibraryImage[] | null>(null);
  const [chosen, setChosen] = useState<LibraryImage | null>(null);
  const [alt, setAlt] = useState(editing?.alt ?? "");
  const [decorative, setDecorative] = useState(editing?.decorative ?? false);
  const [caption, setCaption] = useState(editing?.caption ?? "");
  const [error, setError] = useState("");
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (editing) return;
    const timer = setTimeout(() => {
      createApiClient()
        .media.list.query({ q: query })
        .then((page) => setImages(page.items))
        .catch(() => setError("The media library could not be searched. Try again."));
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  function choose(image: LibraryImage) {
    setChosen(image);
    setAlt(image.alt);
    setDecorative(image.decorative);
    setError("");
  }

  /** Closes the panel; the text has the focus again. */
  function close() {
    onClose();
    focusText(editor);
  }

  function insert() {
    const described = { alt: decorative ? "" : alt.trim(), decorative, caption: caption.trim() };
    if (editing) {
      editor.chain().updateAttributes("image", described).run();
      close();
      return;
    }
    if (!chosen) {
      setError("Choose an image from the library");
      return;
    }
    editor
      .chain()
      .insertContent({
        type: "image",
        attrs: { mediaId: chosen.id, ...described },
      })
      .run();
    close();
  }

  return (
    // Not a form of its own (forms cannot nest): Enter inserts the image rather than saving the item.
    // biome-ignore lint/a11y/useSemanticElements: a group of controls inside the item's form
    <div
      className="observatory-editor-panel"
      role="group"
      aria-label={editing ? "Image" : "Image from the media library"}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close();
        } else if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.type !== "radio") {
          event.preventDefault();
          if (event.target.id !== "image-search") insert();
        }
      }}
    >
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      {!editing && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="image-search">
            Find an image by its title, description or file name
          </label>
          <input
            ref={first}
            className="nhsuk-input"
            id="image-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <p className="nhsuk-body-s nhsuk-u-margin-top-2">
            <a href="/media/upload" target="_blank" rel="noopener">
              Upload an image to the library (opens in a new tab)
            </a>
          </p>
        </div>
      )}
      {images && images.length === 0 && <p className="nhsuk-body-s">No image in the library matches.</p>}
      {images && images.length > 0 && (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Images</legend>
          <div className="nhsuk-radios nhsuk-radios--small observatory-image-choices">
            {images.map((image) => (
              <div key={image.id} className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id={`image-choice-${image.id}`}
                  type="radio"
                  name="image-choice"
                  checked={chosen?.id === image.id}
                  onChange={() => choose(image)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`image-choice-${image.id}`}>
                  <img src={image.thumbnailUrl} alt="" className="observatory-image-choice__thumbnail" />
                  {image.title}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {(chosen || editing) && (
        <>
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-3">
            <div className="nhsuk-checkboxes__item">
              <input
                ref={editing ? first : undefined}
                className="nhsuk-checkboxes__input"
                id="image-decorative"
                type="checkbox"
                checked={decorative}
                onChange={(e) => setDecorative(e.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="image-decorative">
                Decorative: it adds nothing to the text, so screen readers skip it
              </label>
            </div>
          </div>
          {!decorative && (
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="image-alt">
                Alt text: what the image shows, here
              </label>
              <div className="nhsuk-hint" id="image-alt-hint">
                Needed unless the image is decorative: the item cannot be submitted or published without it.
              </div>
              <input
                className="nhsuk-input"
                id="image-alt"
                aria-describedby="image-alt-hint"
                type="text"
                maxLength={250}
                value={alt}
                onChange={(e) => {
                  setAlt(e.target.value);
                  setError("");
                }}
              />
            </div>
          )}
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="image-caption">
              Caption (optional)
            </label>
            <input
              className="nhsuk-input"
              id="image-caption"
              type="text"
              maxLength={300}
              value={caption}
              onChange={(e) => setCaption(e.target.value)}
            />
          </div>
        </>
      )}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={insert}>
          {editing ? "Update image" : "Insert image"}
        </button>
        <button type="button" className="nhsuk-link-button observatory-link-button" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
