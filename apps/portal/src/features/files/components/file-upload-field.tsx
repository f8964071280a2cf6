import type { ChangeEvent } from "react";
import { FieldError } from "../../../shared/components/field-error";
import { formatFileSize, formatPercent } from "../../../shared/format";
import type { UploadItem } from "../hooks/use-file-uploads";
import { ACCEPTED_FILE_TYPES, ACCEPTED_FILE_TYPES_LABEL } from "../utils/upload-file";

type FileUploadFieldProps = {
  id: string;
  label?: string;
  items: readonly UploadItem[];
  onAddFiles: (files: File[]) => void;
  onRemove: (key: string) => void;
  /** An error about the files as a whole (e.g. « joignez au moins un document »). */
  error?: string | undefined;
};

/** A multiple file picker whose files upload at once, each with its progress bar and a way to cancel. */
export function FileUploadField({ id, label = "Documents", items, onAddFiles, onRemove, error }: FileUploadFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const files = event.target.files ? [...event.target.files] : [];
    // Let the same file be picked again after a removal.
    event.target.value = "";
    if (files.length > 0) onAddFiles(files);
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPTED_FILE_TYPES}
        onChange={handleChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
      />
      <p className="field__hint" id={hintId}>
        {ACCEPTED_FILE_TYPES_LABEL}
      </p>
      <FieldError id={errorId} message={error} />
      {items.length > 0 && (
        <ul className="upload-list" aria-label="Fichiers joints">
          {items.map((item) => (
            <li key={item.key} className={`upload-item upload-item--${item.status}`}>
              <div className="upload-item__header">
                <span className="upload-item__name">{item.name}</span>
                <span className="muted">{formatFileSize(item.size)}</span>
                {item.status === "done" && <span className="upload-item__done">Envoyé</span>}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onRemove(item.key)}
                  aria-label={item.status === "uploading" ? `Annuler l’envoi de ${item.name}` : `Retirer ${item.name}`}
                >
                  {item.status === "uploading" ? "Annuler" : "Retirer"}
                </button>
              </div>
              {item.status === "uploading" && (
                <div className="upload-item__progress">
                  <progress max={100} value={Math.round(item.progress * 100)} aria-label={`Envoi de ${item.name}`} />
                  <span aria-hidden="true">{formatPercent(item.progress)}</span>
                </div>
              )}
              {item.status === "error" && item.error && (
                <p className="field__error" role="alert">
                  {item.error}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
