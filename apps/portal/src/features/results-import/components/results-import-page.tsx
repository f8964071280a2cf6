import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { LiveStatus } from "../../../shared/components/live-status";
import { formatCount, formatNumber } from "../../../shared/format";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import {
  ACCEPTED_IMPORT_TYPES,
  ImportError,
  importErrorMessage,
  MAX_IMPORT_BYTES,
  PROGRAMME_LABELS,
  PROGRAMMES,
  sendImport,
  templateUrl,
  type ImportErrorDetail,
  type ImportHandle,
  type ImportMode,
  type ImportReport,
  type Programme,
} from "../utils/import-api";

type Failure = { message: string; details: ImportErrorDetail[] };

/** What was checked: « Importer » is offered only for the same file, programme and mode. */
type Checked = { file: File; programme: Programme; mode: ImportMode; report: ImportReport };

/**
 * « Import de périodes » (staff): download the programme's template (CSV or Excel), fill it, « Vérifier » (a dry run:
 * the server reads and validates every line and changes nothing), read the line-by-line report, then « Importer ».
 * Two modes: « Tout ou rien » (nothing is written while a line is rejected) or « Importer les lignes valides ».
 * The layouts are described in docs/results.md « Import de périodes ».
 */
export function ResultsImportPage() {
  useDocumentTitle("Import de périodes");
  const ids = { programme: useId(), file: useId(), fileHint: useId(), fileError: useId() };
  const [programme, setProgramme] = useState<Programme>("ACI");
  const [mode, setMode] = useState<ImportMode>("ALL_OR_NOTHING");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<number | null>(null);
  const [running, setRunning] = useState<"check" | "import" | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [status, setStatus] = useState("");
  const handle = useRef<ImportHandle | null>(null);

  useEffect(() => () => handle.current?.abort(), []);

  const canImport = checked !== null && checked.file === file && checked.programme === programme && checked.mode === mode && running === null;

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setReport(null);
    setFailure(null);
    setStatus("");
    setFileError(chosen && chosen.size > MAX_IMPORT_BYTES ? `« ${chosen.name} » dépasse la taille maximale autorisée (5 Mo).` : undefined);
  }

  async function run(dryRun: boolean) {
    if (!file) {
      setFileError("Choisissez le fichier à importer.");
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) return;
    setRunning(dryRun ? "check" : "import");
    setFailure(null);
    setStatus("");
    setProgress(0);
    const sent = sendImport({ programme, mode, dryRun }, file, setProgress);
    handle.current = sent;
    try {
      const answer = await sent.result;
      setReport(answer);
      if (dryRun) {
        setChecked({ file, programme, mode, report: answer });
        setStatus(`Vérification terminée : ${formatCount(answer.accepted, "ligne acceptée", "lignes acceptées")}, ${formatCount(answer.rejected, "ligne rejetée", "lignes rejetées")}.`);
      } else {
        setChecked(null);
        setStatus(`Import terminé : ${formatCount(answer.imported, "période enregistrée", "périodes enregistrées")}.`);
      }
    } catch (error) {
      setFailure({ message: importErrorMessage(error, file.name), details: error instanceof ImportError ? error.details : [] });
      setReport(null);
    } finally {
      handle.current = null;
      setRunning(null);
      setProgress(null);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void run(true);
  }

  const rejectedAll = report !== null && !report.dryRun && report.imported === 0 && report.rejected > 0;

  return (
    <section aria-labelledby="results-import-title" className="results-import">
      <div className="page-header">
        <h1 id="results-import-title">Import de périodes</h1>
      </div>
      <p className="page-intro">
        Importez les résultats annuels (PEPS, IPEP, ACI) reçus sous forme de tableur : téléchargez le modèle, complétez-le, vérifiez-le puis
        importez-le. Les périodes importées sont enregistrées en brouillon ; une période transmise ou validée n’est jamais modifiée.
      </p>

      <form className="form card" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.programme}>Dispositif</label>
          <select id={ids.programme} value={programme} onChange={(e) => setProgramme(e.target.value as Programme)}>
            {PROGRAMMES.map((p) => (
              <option key={p} value={p}>
                {PROGRAMME_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <p>
          Modèle pré-rempli avec les MSP de la fédération :{" "}
          <a className="button button--ghost button--small" href={templateUrl(programme, "xlsx")} download>
            Télécharger le modèle Excel ({programme})
          </a>{" "}
          <a className="button button--ghost button--small" href={templateUrl(programme, "csv")} download>
            Télécharger le modèle CSV ({programme})
          </a>
        </p>

        <div className="field">
          <label htmlFor={ids.file}>Fichier à importer</label>
          <input
            id={ids.file}
            type="file"
            accept={ACCEPTED_IMPORT_TYPES}
            aria-describedby={`${ids.fileHint}${fileError ? ` ${ids.fileError}` : ""}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
          />
          <p className="field__hint" id={ids.fileHint}>
            CSV (séparateur point-virgule ou virgule) ou Excel (.xlsx), 5 Mo au plus.
          </p>
          {fileError && (
            <p className="field__error" id={ids.fileError}>
              {fileError}
            </p>
          )}
        </div>

        <fieldset className="field">
          <legend>Si des lignes sont rejetées</legend>
          <label className="field--checkbox">
            <input type="radio" name="import-mode" value="ALL_OR_NOTHING" checked={mode === "ALL_OR_NOTHING"} onChange={() => setMode("ALL_OR_NOTHING")} />
            Tout ou rien
          </label>
          <label className="field--checkbox">
            <input type="radio" name="import-mode" value="VALID_ROWS" checked={mode === "VALID_ROWS"} onChange={() => setMode("VALID_ROWS")} />
            Importer les lignes valides
          </label>
        </fieldset>

        <div className="form__actions">
          <button type="submit" className="button" disabled={running !== null || fileError !== undefined}>
            {running === "check" ? "Vérification…" : "Vérifier"}
          </button>
          <button type="button" className="button button--primary" disabled={!canImport} onClick={() => void run(false)}>
            {running === "import" ? "Import…" : "Importer"}
          </button>
          {running !== null && (
            <button type="button" className="button button--link" onClick={() => handle.current?.abort()}>
              Annuler
            </button>
          )}
        </div>
        {!canImport && running === null && file !== null && !fileError && <p className="field__hint">« Importer » est proposé après la vérification du fichier.</p>}
        {progress !== null && (
          <p className="upload-item__progress">
            <label>
              Envoi du fichier : {formatNumber(Math.round(progress * 100))} %{" "}
              <progress max={1} value={progress}>
                {Math.round(progress * 100)} %
              </progress>
            </label>
          </p>
        )}
      </form>

      <LiveStatus message={status} />
      {failure && (
        <div role="alert" className="form-error">
          <p>{failure.message}</p>
          {failure.details.length > 0 && (
            <ul>
              {failure.details.map((d, i) => (
                <li key={i}>
                  Ligne {d.line}
                  {d.column ? ` — ${d.column}` : ""} : {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {report && <ImportReportView report={report} rejectedAll={rejectedAll} />}
    </section>
  );
}

function ImportReportView({ report, rejectedAll }: { report: ImportReport; rejectedAll: boolean }) {
  return (
    <section aria-labelledby="import-report-title" className="card">
      <h2 id="import-report-title">{report.dryRun ? "Résultat de la vérification" : "Résultat de l’import"}</h2>
      <ul>
        <li>{formatCount(report.accepted, "ligne acceptée", "lignes acceptées")}</li>
        <li>{formatCount(report.rejected, "ligne rejetée", "lignes rejetées")}</li>
        {!report.dryRun && <li>{formatCount(report.imported, "période enregistrée", "périodes enregistrées")}</li>}
        {report.ignored ? <li>{formatCount(report.ignored, "ligne sans données ignorée", "lignes sans données ignorées")}</li> : null}
      </ul>
      {report.dryRun && report.rejected > 0 && report.mode === "ALL_OR_NOTHING" && (
        <p className="notice">En mode « Tout ou rien », rien ne sera importé tant qu’une ligne est rejetée : corrigez le fichier ou choisissez « Importer les lignes valides ».</p>
      )}
      {rejectedAll && <p className="notice">Aucune période n’a été enregistrée.</p>}
      <div className="table-wrapper">
        <table className="table">
          <caption className="visually-hidden">Rapport ligne par ligne</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">MSP</th>
              <th scope="col">Année</th>
              <th scope="col">Statut</th>
              <th scope="col">Erreurs</th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((l) => (
              <tr key={l.line}>
                <th scope="row">{l.line}</th>
                <td>{l.projectName ?? "—"}</td>
                <td>{l.year ?? "—"}</td>
                <td>{l.status === "OK" ? "Acceptée" : "Rejetée"}</td>
                <td>
                  {l.errors.length === 0 ? (
                    "—"
                  ) : (
                    <ul>
                      {l.errors.map((e, i) => (
                        <li key={i}>
                          {e.column ? <strong>{e.column} : </strong> : null}
                          {e.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
