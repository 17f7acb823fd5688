import { createApiClient } from "@observatory/api/client";
import { isSafeHref } from "@observatory/content/links";
import type { Editor } from "@tiptap/core";
import { useEffect, useRef, useState } from "react";
import { focusText } from "./focus-text";

// Adding or changing a link: to a web address, or to a published page on this site chosen by its
// title (the link then keeps the page's id and follows it to a new address).

type Target = { id: string; title: string; path: string };

export function LinkPanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const existing = editor.getAttributes("link") as { href?: string; itemId?: string | null };
  const [mode, setMode] = useState<"web" | "site">(existing.itemId ? "site" : "web");
  const [href, setHref] = useState(existing.itemId ? "" : (existing.href ?? ""));
  const [query, setQuery] = useState("");
  const [targets, setTargets] = useState<Target[] | null>(null);
  const [chosen, setChosen] = useState<Target | null>(null);
  const [error, setError] = useState("");
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  useEffect(() => {
    if (mode !== "site") return;
    const timer = setTimeout(() => {
      createApiClient()
        .editorial.linkTargets.query({ q: query })
        .then(setTargets)
        .catch(() => setError("Published pages could not be listed. Try again, or link to a web address."));
    }, 250);
    return () => clearTimeout(timer);
  }, [mode, query]);

  /** Closes the panel; the text has the focus again. */
  function close() {
    onClose();
    focusText(editor);
  }

  function apply() {
    let attrs: { href: string; itemId: string | null };
    let text: string;
    if (mode === "web") {
      const value = href.trim();
      const withScheme = /^[a-z][a-z0-9+.-]*:|^[/#]/i.test(value) ? value : `https://${value}`;
      if (!value || !isSafeHref(withScheme)) {
        setError("Enter a web address, like https://www.nhs.uk, or a path on this site, like /news");
        return;
      }
      attrs = { href: withScheme, itemId: null };
      text = withScheme;
    } else {
      if (!chosen) {
        setError("Choose the page to link to");
        return;
      }
      attrs = { href: chosen.path, itemId: chosen.id };
      text = chosen.title;
    }
    const chain = editor.chain().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text, marks: [{ type: "link", attrs }] }).run();
    } else {
      chain.setLink(attrs as { href: string }).run();
    }
    close();
  }

  function remove() {
    editor.chain().extendMarkRange("link").unsetLink().run();
    close();
  }

  return (
    // Not a form of its own (forms cannot nest): Enter applies the link rather than saving the item.
    // biome-ignore lint/a11y/useSemanticElements: a group of controls inside the item's form
    <div
      className="observatory-editor-panel"
      role="group"
      aria-label="Link"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close();
        } else if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          apply();
        }
      }}
    >
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Link to</legend>
        <div className="nhsuk-radios nhsuk-radios--inline">
          <div className="nhsuk-radios__item">
            <input
              ref={mode === "web" ? first : undefined}
              className="nhsuk-radios__input"
              id="link-mode-web"
              type="radio"
              name="link-mode"
              checked={mode === "web"}
              onChange={() => setMode("web")}
            />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor="link-mode-web">
              A web address
            </label>
          </div>
          <div className="nhsuk-radios__item">
            <input
              ref={mode === "site" ? first : undefined}
              className="nhsuk-radios__input"
              id="link-mode-site"
              type="radio"
              name="link-mode"
              checked={mode === "site"}
              onChange={() => setMode("site")}
            />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor="link-mode-site">
              A page on this site
            </label>
          </div>
        </div>
      </fieldset>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      {mode === "web" ? (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="link-href">
            Link address
          </label>
          <input
            className="nhsuk-input"
            id="link-href"
            type="text"
            inputMode="url"
            spellCheck={false}
            value={href}
            onChange={(e) => {
              setHref(e.target.value);
              setError("");
            }}
          />
        </div>
      ) : (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="link-search">
            Find a published page by its title
          </label>
          <input
            className="nhsuk-input"
            id="link-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {targets && targets.length === 0 && (
            <p className="nhsuk-body-s">No published page has those words in its title.</p>
          )}
          {targets && targets.length > 0 && (
            <fieldset className="nhsuk-fieldset nhsuk-u-margin-top-3">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Pages</legend>
              <div className="nhsuk-radios nhsuk-radios--small">
                {targets.map((t) => (
                  <div key={t.id} className="nhsuk-radios__item">
                    <input
                      className="nhsuk-radios__input"
                      id={`link-target-${t.id}`}
                      type="radio"
                      name="link-target"
                      checked={chosen?.id === t.id}
                      onChange={() => {
                        setChosen(t);
                        setError("");
                      }}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={`link-target-${t.id}`}>
                      {t.title} <span className="nhsuk-u-secondary-text-colour">({t.path})</span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
        </div>
      )}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={apply}>
          Apply link
        </button>
        {editor.isActive("link") && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={remove}>
            Remove link
          </button>
        )}
        <button type="button" className="nhsuk-link-button observatory-link-button" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
