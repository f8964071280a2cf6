import { useQuery } from "@apollo/client/react";
import { type KeyboardEvent, type Ref, useState } from "react";
import { useDebouncedValue } from "../../../shared/hooks/use-debounced-value";
import { COMMUNES } from "../graphql/communes.query";

export type CommuneOption = { code: string; name: string };

export const COMMUNE_SEARCH_MIN_LENGTH = 2;
const COMMUNE_SEARCH_DEBOUNCE_MS = 250;
const COMMUNE_SUGGESTIONS = 10;

type CommuneComboboxProps = {
  id: string;
  value: CommuneOption | null;
  onChange: (commune: CommuneOption | null) => void;
  /** The error message id, when the field is invalid. */
  errorId?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * Commune autocomplete (WAI-ARIA combobox with a listbox popup) over `communes(search)`,
 * which only returns communes of the federation's départements.
 */
export function CommuneCombobox({ id, value, onChange, errorId, inputRef }: CommuneComboboxProps) {
  const [text, setText] = useState(value?.name ?? "");
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const search = useDebouncedValue(text.trim(), COMMUNE_SEARCH_DEBOUNCE_MS);
  const shouldSearch = isOpen && search.length >= COMMUNE_SEARCH_MIN_LENGTH;

  const { data, loading, error } = useQuery(COMMUNES, {
    variables: { search, first: COMMUNE_SUGGESTIONS },
    skip: !shouldSearch,
  });
  const communes = shouldSearch ? (data?.communes ?? []) : [];
  const isSettled = shouldSearch && !loading && search === text.trim();
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const optionId = (code: string) => `${id}-option-${code}`;
  const activeCommune = activeIndex >= 0 ? communes[activeIndex] : undefined;
  const isExpanded = isOpen && (communes.length > 0 || isSettled);

  function select(commune: CommuneOption) {
    onChange({ code: commune.code, name: commune.name });
    setText(commune.name);
    setIsOpen(false);
    setActiveIndex(-1);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setIsOpen(true);
        setActiveIndex((index) => Math.min(index + 1, communes.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case "Enter":
        if (isOpen && activeCommune) {
          event.preventDefault();
          select(activeCommune);
        }
        break;
      case "Escape":
        if (isOpen) {
          event.preventDefault();
          setIsOpen(false);
          setActiveIndex(-1);
        }
        break;
    }
  }

  let statusMessage = "";
  if (shouldSearch && error) statusMessage = "La recherche de communes a échoué.";
  else if (isSettled) {
    statusMessage =
      communes.length === 0
        ? "Aucune commune trouvée dans les départements de la fédération."
        : `${communes.length} commune${communes.length > 1 ? "s" : ""} proposée${communes.length > 1 ? "s" : ""}.`;
  }

  return (
    <div className="combobox">
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listboxId}
        aria-activedescendant={isOpen && activeCommune ? optionId(activeCommune.code) : undefined}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setIsOpen(true);
          setActiveIndex(-1);
          if (value) onChange(null);
        }}
        onKeyDown={handleKeyDown}
        onBlur={() => setIsOpen(false)}
      />
      <p className="field__hint" id={hintId}>
        {value
          ? `Code INSEE : ${value.code}`
          : `Tapez au moins ${COMMUNE_SEARCH_MIN_LENGTH} lettres puis choisissez la commune dans la liste.`}
      </p>
      <ul id={listboxId} role="listbox" aria-label="Communes" className="combobox__listbox" hidden={!isExpanded}>
        {communes.map((commune, index) => (
          <li
            key={commune.code}
            id={optionId(commune.code)}
            role="option"
            aria-selected={index === activeIndex}
            className="combobox__option"
            // Keep the focus in the input: select on mouse down, before the blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              select(commune);
            }}
          >
            {commune.name}{" "}
            <span className="muted">
              {commune.postalCodes[0] ? `${commune.postalCodes[0]} · ` : ""}INSEE {commune.code}
            </span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {statusMessage}
      </p>
      {isOpen && isSettled && communes.length === 0 && <p className="field__hint">{statusMessage}</p>}
    </div>
  );
}
