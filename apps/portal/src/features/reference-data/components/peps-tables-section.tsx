import { type FormEvent, useId, useRef, useState } from "react";
import { LiveStatus } from "../../../shared/components/live-status";
import { Spinner } from "../../../shared/components/spinner";
import { formatDateTime } from "../../../shared/format";
import { type ApiPepsTable, formatDecimal, formatEur, formatShare, IllustrativeBadge } from "../../results";
import {
  importPepsTable,
  PEPS_IMPORT_ACCEPT,
  PEPS_TEMPLATE_CSV,
  PEPS_TEMPLATE_XLSX,
  type PepsImportProblem,
} from "../utils/import-peps-table";

type PepsTableRow = ApiPepsTable & { source: string; importedAt?: string | null };

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  DEFAULT: "Fournie avec Maillage",
  IMPORTED: "Importée par la fédération",
  EDITED: "Modifiée par la fédération",
};

/** PEPS coefficient tables: list, detail, and (admins) import of the CPAM's file with its French error report. */
export function PepsTablesSection({ tables, canEdit, onImported }: { tables: readonly PepsTableRow[]; canEdit: boolean; onImported: () => void }) {
  const id = useId();
  const [openCode, setOpenCode] = useState<string | null>(null);
  return (
    <section className="card results-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Tables de coefficients PEPS</h2>
      <p className="field__hint">
        Les coefficients officiels (âge, sexe, ALD, précarité) ne sont pas publics : chaque équipe les reçoit de la CPAM.
      </p>
      {tables.length === 0 ? (
        <p className="muted">Aucune table.</p>
      ) : (
        <div className="table-wrapper" role="region" aria-label="Tables PEPS" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Libellé</th>
                <th scope="col">Base par patient</th>
                <th scope="col">Origine</th>
                <th scope="col">
                  <span className="visually-hidden">Détail</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tables.map((table) => {
                const isOpen = openCode === table.code;
                return (
                  <PepsTableRows key={table.code} table={table} isOpen={isOpen} onToggle={() => setOpenCode(isOpen ? null : table.code)} detailId={`${id}-${table.code}`} />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p>
        Modèle de fichier : <a href={PEPS_TEMPLATE_CSV} download>Télécharger le modèle CSV</a> ·{" "}
        <a href={PEPS_TEMPLATE_XLSX} download>
          Télécharger le modèle XLSX
        </a>
      </p>
      {canEdit && <PepsImportForm onImported={onImported} />}
    </section>
  );
}

function PepsTableRows({ table, isOpen, onToggle, detailId }: { table: PepsTableRow; isOpen: boolean; onToggle: () => void; detailId: string }) {
  return (
    <>
      <tr>
        <th scope="row">{table.code}</th>
        <td>
          {table.label}
          {table.illustrative && <IllustrativeBadge />}
        </td>
        <td>{formatEur(table.basePerPatientEur)}</td>
        <td>
          {SOURCE_LABELS[table.source] ?? table.source}
          {table.importedAt && <span className="details__note">le {formatDateTime(table.importedAt)}</span>}
        </td>
        <td>
          <button type="button" className="button button--small" aria-expanded={isOpen} aria-controls={detailId} onClick={onToggle} aria-label={`${isOpen ? "Masquer" : "Voir"} le détail de ${table.code}`}>
            {isOpen ? "Masquer" : "Voir le détail"}
          </button>
        </td>
      </tr>
      {isOpen && (
        <tr>
          <td colSpan={5} id={detailId}>
            <PepsTableDetail table={table} />
          </td>
        </tr>
      )}
    </>
  );
}

function PepsTableDetail({ table }: { table: PepsTableRow }) {
  return (
    <div className="reference-detail">
      {table.illustrative && <IllustrativeBadge />}
      <dl className="details">
        <div>
          <dt>Base par patient et par an</dt>
          <dd>{formatEur(table.basePerPatientEur)}</dd>
        </div>
        <div>
          <dt>Coefficient précarité (C2S / AME)</dt>
          <dd>{formatDecimal(table.precariteCoefficient)}</dd>
        </div>
        <div>
          <dt>Bonus qualité maximal</dt>
          <dd>{formatShare(table.qualityBonusMaxRate)}</dd>
        </div>
        <div>
          <dt>Plafond</dt>
          <dd>
            {table.feeForServiceCapRate === null || table.feeForServiceCapRate === undefined
              ? "Aucun"
              : `Équivalent paiement à l’acte + ${formatShare(table.feeForServiceCapRate)}`}
          </dd>
        </div>
        <div>
          <dt>Coefficients par sexe</dt>
          <dd>
            {table.sexCoefficients
              ? `Femmes ${formatDecimal(table.sexCoefficients.F)} · Hommes ${formatDecimal(table.sexCoefficients.M)}`
              : "Sans effet"}
          </dd>
        </div>
      </dl>
      <div className="reference-detail__tables">
        <table className="table">
          <caption>Tranches d’âge</caption>
          <thead>
            <tr>
              <th scope="col">Tranche</th>
              <th scope="col">Âges</th>
              <th scope="col">Coefficient</th>
            </tr>
          </thead>
          <tbody>
            {table.ageBands.map((band) => (
              <tr key={band.band}>
                <th scope="row">{band.band}</th>
                <td>{band.maxAge === null || band.maxAge === undefined ? `${band.minAge} ans et plus` : `${band.minAge} à ${band.maxAge} ans`}</td>
                <td>{formatDecimal(band.coefficient)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table">
          <caption>Nombre d’ALD</caption>
          <thead>
            <tr>
              <th scope="col">ALD</th>
              <th scope="col">Coefficient</th>
            </tr>
          </thead>
          <tbody>
            {table.aldCoefficients.map((ald, index) => (
              <tr key={ald.count}>
                <th scope="row">{index === table.aldCoefficients.length - 1 && ald.count > 0 ? `${ald.count} et plus` : ald.count}</th>
                <td>{formatDecimal(ald.coefficient)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function PepsImportForm({ onImported }: { onImported: () => void }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [message, setMessage] = useState("");
  const [failure, setFailure] = useState<{ message: string; problems: PepsImportProblem[] } | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSending) return;
    setMessage("");
    if (!file) {
      setFailure({ message: "Choisissez un fichier CSV ou XLSX.", problems: [] });
      inputRef.current?.focus();
      return;
    }
    setIsSending(true);
    setFailure(null);
    const outcome = await importPepsTable(file);
    setIsSending(false);
    if (outcome.ok) {
      setMessage(`Table « ${outcome.label} » importée.`);
      setFile(null);
      if (inputRef.current) inputRef.current.value = "";
      onImported();
    } else {
      setFailure({ message: outcome.message, problems: outcome.problems });
    }
  }

  return (
    <form className="inline-form results-import" noValidate onSubmit={(e) => void handleSubmit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Importer une table</h3>
      <div className="field">
        <label htmlFor={`${id}-file`}>Fichier de la table (CSV ou XLSX)</label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          accept={PEPS_IMPORT_ACCEPT}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-describedby={failure ? `${id}-report` : undefined}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSending}>
          {isSending && <Spinner />} Importer la table
        </button>
      </div>
      <LiveStatus message={message} />
      {failure && (
        <div className="form-error" role="alert" id={`${id}-report`}>
          <p>{failure.message}</p>
          {failure.problems.length > 0 && (
            <ul aria-label="Erreurs du fichier">
              {failure.problems.map((problem, index) => (
                <li key={`${problem.field}-${index}`}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
