import { useQuery } from "@apollo/client/react";
import { type KeyboardEvent, useState } from "react";
import { useDebouncedValue } from "../../../shared/hooks/use-debounced-value";
import { MSP_PROJECT_OPTIONS } from "../graphql/msp-project-options.query";

export type MspProjectOption = { id: string; name: string; communeName: string };

export const MSP_SEARCH_MIN_LENGTH = 2;
const MSP_SEARCH_DEBOUNCE_MS = 250;
const MSP_SUGGESTIONS = 10;

type MspProjectComboboxProps = {
  id: string;
  value: MspProjectOption | null;
  onChange: (project: MspProjectOption | null) => void;
  /** The error message id, when the field is invalid. */
  errorId?: string | undefined;
};

/**
 * The MSP of an invited member: a WAI-ARIA combobox (listbox popup) over the `projects` the admin sees, searched by
 * name or commune (like the commune field of the project form).
 */
export function MspProjectCombobox({ id, value, onChange, errorId }: MspProjectComboboxProps) {
  const [text, setText] = useState(value?.name ?? "");
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const search = useDebouncedValue(text.trim(), MSP_SEARCH_DEBOUNCE_MS);
  const shouldSearch = isOpen && search.length >= MSP_SEARCH_MIN_LENGTH;

  const { data, loading, error } = useQuery(MSP_PROJECT_OPTIONS, {
    variables: { filter: { text: search }, first: MSP_SUGGESTIONS },
    skip: !shouldSearch,
  });
  const projects = shouldSearch ? (data?.projects.edges.map((edge) => edge.node) ?? []) : [];
  const isSettled = shouldSearch && !loading && search === text.trim();
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const optionId = (projectId: string) => `${id}-option-${projectId}`;
  const activeProject = activeIndex >= 0 ? projects[activeIndex] : undefined;
  const isExpanded = isOpen && (projects.length > 0 || isSettled);

  function select(project: MspProjectOption) {
    onChange({ id: project.id, name: project.name, communeName: project.communeName });
    setText(project.name);
    setIsOpen(false);
    setActiveIndex(-1);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setIsOpen(true);
        setActiveIndex((index) => Math.min(index + 1, projects.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case "Enter":
        if (isOpen && activeProject) {
          event.preventDefault();
          select(activeProject);
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
  if (shouldSearch && error) statusMessage = "La recherche des MSP a échoué.";
  else if (isSettled) {
    statusMessage =
      projects.length === 0
        ? "Aucune MSP de la fédération ne correspond."
        : `${projects.length} MSP proposée${projects.length > 1 ? "s" : ""}.`;
  }

  return (
    <div className="combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listboxId}
        aria-activedescendant={isOpen && activeProject ? optionId(activeProject.id) : undefined}
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
          ? `MSP choisie : ${value.name} (${value.communeName})`
          : `Tapez au moins ${MSP_SEARCH_MIN_LENGTH} lettres du nom de la MSP ou de sa commune, puis choisissez-la dans la liste.`}
      </p>
      <ul id={listboxId} role="listbox" aria-label="MSP de la fédération" className="combobox__listbox" hidden={!isExpanded}>
        {projects.map((project, index) => (
          <li
            key={project.id}
            id={optionId(project.id)}
            role="option"
            aria-selected={index === activeIndex}
            className="combobox__option"
            // Keep the focus in the input: select on mouse down, before the blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              select(project);
            }}
          >
            {project.name} <span className="muted">{project.communeName}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {statusMessage}
      </p>
      {isOpen && isSettled && projects.length === 0 && <p className="field__hint">{statusMessage}</p>}
    </div>
  );
}
