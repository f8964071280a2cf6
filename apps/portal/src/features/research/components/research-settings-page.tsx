import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { describeError, getFieldErrors, type FieldErrors } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { RESEARCH_SETTINGS, UPDATE_RESEARCH_SETTINGS } from "../graphql/research-settings";

type ThresholdKey = "minPatients" | "minContributors" | "dominanceShare" | "minRateNumerator" | "minRateDenominator" | "minProfessionals" | "protectionPercent";

/** The fields, their French labels and the defaults of DOMAIN.md §6.2–6.3 (docs/research.md). */
const THRESHOLDS: readonly { key: ThresholdKey; label: string; hint: string }[] = [
  { key: "minPatients", label: "Effectif minimal de patients", hint: "Les effectifs de 1 à (seuil − 1) sont masqués. Par défaut 11 (CASD, ATIH)." },
  { key: "minContributors", label: "Nombre minimal de MSP par case", hint: "Par défaut 3 (règle de fréquence de l’INSEE)." },
  { key: "dominanceShare", label: "Part maximale d’une MSP dans un total", hint: "Entre 0 et 1. Par défaut 0,85 (règle de dominance de l’INSEE)." },
  { key: "minRateNumerator", label: "Numérateur minimal d’un taux", hint: "Par défaut 11." },
  { key: "minRateDenominator", label: "Dénominateur minimal d’un taux", hint: "Par défaut 11." },
  { key: "minProfessionals", label: "Nombre minimal de professionnels (revenus)", hint: "Par défaut 11." },
  { key: "protectionPercent", label: "Niveau de protection (%)", hint: "Incertitude minimale sur une case masquée. Par défaut 10 %." },
];

type Draft = Record<ThresholdKey | "epsilonPerQuery" | "epsilonBudget", string> & { privacyMode: string; allowBelowDefaults: boolean; reason: string };

const parse = (text: string): number => Number(text.replace(/\s/g, "").replace(",", "."));
const show = (n: number): string => String(n).replace(".", ",");

/**
 * « Paramètres du secret statistique » (federation admins): the thresholds of the disclosure control and the
 * optional noise. Stricter values are always accepted; a value below its default needs the explicit box and a
 * reason, and every change is audited by the API (issue "Research access", item 2).
 */
export function ResearchSettingsPage() {
  useDocumentTitle("Paramètres du secret statistique");
  const { data, error, refetch } = useQuery(RESEARCH_SETTINGS);
  const settings = data?.researchSettings;
  return (
    <div className="page narrow">
      <header className="page-header">
        <h1>Paramètres du secret statistique</h1>
      </header>
      <p className="page-intro">
        Ces seuils s’appliquent à toutes les réponses de l’espace recherche. Un seuil plus strict que la valeur par défaut est toujours accepté ; un seuil
        plus faible exige une justification et reste tracé dans le journal d’audit.
      </p>
      {error && !settings ? (
        <ErrorState title="Les paramètres n’ont pas pu être chargés" message={describeError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !settings ? (
        <PageLoading label="Chargement des paramètres…" />
      ) : (
        <SettingsForm
          initial={{
            ...(Object.fromEntries(THRESHOLDS.map((t) => [t.key, show(settings.thresholds[t.key])])) as Record<ThresholdKey, string>),
            epsilonPerQuery: show(settings.epsilonPerQuery),
            epsilonBudget: show(settings.epsilonBudget),
            privacyMode: settings.privacyMode,
            allowBelowDefaults: false,
            reason: "",
          }}
        />
      )}
    </div>
  );
}

function SettingsForm({ initial }: { initial: Draft }) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [save, { loading }] = useMutation(UPDATE_RESEARCH_SETTINGS);
  const set = (key: keyof Draft, value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const local: FieldErrors = {};
    for (const key of [...THRESHOLDS.map((t) => t.key), "epsilonPerQuery", "epsilonBudget"] as const) {
      if (!Number.isFinite(parse(draft[key]))) local[key] = "Saisissez un nombre.";
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await save({
        variables: {
          input: {
            ...Object.fromEntries(THRESHOLDS.map((t) => [t.key, parse(draft[t.key])])),
            privacyMode: draft.privacyMode,
            epsilonPerQuery: parse(draft.epsilonPerQuery),
            epsilonBudget: parse(draft.epsilonBudget),
            allowBelowDefaults: draft.allowBelowDefaults,
            reason: draft.reason.trim() || null,
          },
        },
      });
      setMessage({ kind: "ok", text: "Paramètres enregistrés (modification tracée dans le journal d’audit)." });
    } catch (e) {
      setErrors(getFieldErrors(e));
      setMessage({ kind: "error", text: describeError(e) });
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Seuils</legend>
        {THRESHOLDS.map((t) => (
          <div className="field" key={t.key}>
            <label htmlFor={`setting-${t.key}`}>{t.label}</label>
            <input
              id={`setting-${t.key}`}
              inputMode="decimal"
              value={draft[t.key]}
              onChange={(e) => set(t.key, e.target.value)}
              aria-describedby={`setting-${t.key}-hint${errors[t.key] ? ` setting-${t.key}-error` : ""}`}
              aria-invalid={Boolean(errors[t.key])}
            />
            <p className="field__hint" id={`setting-${t.key}-hint`}>
              {t.hint}
            </p>
            {errors[t.key] && (
              <p className="field__error" id={`setting-${t.key}-error`}>
                {errors[t.key]}
              </p>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Bruit (confidentialité différentielle, optionnel)</legend>
        <div className="field">
          <label htmlFor="setting-privacyMode">Mode</label>
          <select id="setting-privacyMode" value={draft.privacyMode} onChange={(e) => set("privacyMode", e.target.value)}>
            <option value="OFF">Sans bruit</option>
            <option value="LAPLACE">Bruit de Laplace, avec un budget par chercheur</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="setting-epsilonPerQuery">ε par requête</label>
          <input id="setting-epsilonPerQuery" inputMode="decimal" value={draft.epsilonPerQuery} onChange={(e) => set("epsilonPerQuery", e.target.value)} aria-invalid={Boolean(errors.epsilonPerQuery)} />
          {errors.epsilonPerQuery && <p className="field__error">{errors.epsilonPerQuery}</p>}
        </div>
        <div className="field">
          <label htmlFor="setting-epsilonBudget">Budget ε par chercheur</label>
          <input id="setting-epsilonBudget" inputMode="decimal" value={draft.epsilonBudget} onChange={(e) => set("epsilonBudget", e.target.value)} aria-invalid={Boolean(errors.epsilonBudget)} />
          {errors.epsilonBudget && <p className="field__error">{errors.epsilonBudget}</p>}
        </div>
      </fieldset>
      <fieldset>
        <legend>Abaisser un seuil</legend>
        <div className="field field--checkbox">
          <input id="setting-allow" type="checkbox" checked={draft.allowBelowDefaults} onChange={(e) => set("allowBelowDefaults", e.target.checked)} />
          <label htmlFor="setting-allow">J’autorise un seuil plus faible que sa valeur par défaut</label>
        </div>
        <div className="field">
          <label htmlFor="setting-reason">Justification</label>
          <textarea id="setting-reason" value={draft.reason} onChange={(e) => set("reason", e.target.value)} aria-invalid={Boolean(errors.reason)} rows={3} />
          {errors.reason && <p className="field__error">{errors.reason}</p>}
        </div>
      </fieldset>
      {message && (
        <p role={message.kind === "ok" ? "status" : "alert"} className={message.kind === "ok" ? "notice" : "field-error"}>
          {message.text}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? "Enregistrement…" : "Enregistrer les paramètres"}
      </button>
    </form>
  );
}
