import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import { ErrorState } from "../../../shared/components/error-state";
import { FieldError } from "../../../shared/components/field-error";
import { PageLoading } from "../../../shared/components/page-loading";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { RESEARCH_SETTINGS, UPDATE_RESEARCH_SETTINGS } from "../graphql/research-settings";
import type { ResearchSettings, ResearchThresholds } from "../types";
import { formatEpsilon } from "../utils/format-value";

type ThresholdKey = "minPatients" | "minContributors" | "dominanceShare" | "minRateNumerator" | "minRateDenominator" | "minProfessionals" | "protectionPercent";

type ThresholdField = {
  key: ThresholdKey;
  label: string;
  hint: string;
  /** What a value must be (checked here before sending; the API checks it again, and the « stricter only » rule). */
  kind: "count" | "share" | "percent";
  /** Whether a higher value protects more (all but the dominance share). */
  stricterWhenHigher: boolean;
};

/** The fields and their French labels (DOMAIN.md §6.2–6.3, docs/research.md). */
const FIELDS: readonly ThresholdField[] = [
  { key: "minPatients", label: "Effectif minimal de patients", hint: "Les effectifs de 1 à (seuil − 1) sont masqués (règle du CASD et de l’ATIH).", kind: "count", stricterWhenHigher: true },
  { key: "minContributors", label: "Nombre minimal de MSP par case", hint: "Règle de fréquence de l’INSEE.", kind: "count", stricterWhenHigher: true },
  { key: "dominanceShare", label: "Part maximale d’une MSP dans un total", hint: "Entre 0 et 1 (0,85 = 85 %) ; règle de dominance de l’INSEE.", kind: "share", stricterWhenHigher: false },
  { key: "minRateNumerator", label: "Numérateur minimal d’un taux", hint: "Un taux ou une moyenne n’est publié que sur ce nombre d’unités au moins.", kind: "count", stricterWhenHigher: true },
  { key: "minRateDenominator", label: "Dénominateur minimal d’un taux", hint: "Un taux ou une moyenne n’est publié que sur cette base au moins.", kind: "count", stricterWhenHigher: true },
  { key: "minProfessionals", label: "Nombre minimal de professionnels (revenus)", hint: "Les revenus de professionnels ne sont publiés que sur ce nombre de personnes au moins.", kind: "count", stricterWhenHigher: true },
  { key: "protectionPercent", label: "Niveau de protection (%)", hint: "Incertitude minimale sur une case masquée, en % de sa valeur.", kind: "percent", stricterWhenHigher: true },
];

const FIELD_KEYS = new Set<string>(FIELDS.map((f) => f.key));
const isThresholdKey = (field: string): field is ThresholdKey => FIELD_KEYS.has(field);

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** A threshold as read: « 11 », « 0,85 (85 %) », « 10 % ». */
function formatThreshold(field: ThresholdField, value: number): string {
  if (field.kind === "share") return `${decimal.format(value)} (${percent.format(value)})`;
  if (field.kind === "percent") return percent.format(value / 100);
  return integer.format(value);
}

type Draft = Record<ThresholdKey, string> & { reason: string };
type Errors = Partial<Record<ThresholdKey | "reason", string>>;

/** « 0,85 » → 0.85 (spaces, including Intl's narrow no-break spaces, are ignored); NaN when it is not a number. */
const parse = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.replace(/\s/g, "").replace(",", ".")));
/** 0.85 → « 0,85 » (as typed in a field: no thousands separator). */
const show = (n: number): string => String(n).replace(".", ",");

const draftOf = (thresholds: ResearchThresholds): Draft => ({
  ...(Object.fromEntries(FIELDS.map((f) => [f.key, show(thresholds[f.key])])) as Record<ThresholdKey, string>),
  reason: "",
});

/** The French reason a typed value cannot be sent, or null. */
function localProblem(field: ThresholdField, text: string): string | null {
  const value = parse(text);
  if (!Number.isFinite(value)) return "Saisissez un nombre.";
  if (field.kind === "count" && (!Number.isInteger(value) || value < 1)) return "Saisissez un nombre entier, 1 ou plus.";
  if (field.kind === "share" && !(value > 0 && value < 1)) return "Saisissez une part strictement comprise entre 0 et 1 (par exemple 0,8).";
  if (field.kind === "percent" && !(value >= 0 && value <= 100)) return "Saisissez un pourcentage entre 0 et 100.";
  return null;
}

/**
 * « Paramètres du secret statistique » (federation admins, `/recherche/parametres`): the deployment's thresholds,
 * read-only (its configuration, the floor of every federation's), and a form to make the federation's own thresholds
 * stricter for its data — never weaker: the API refuses a weaker value per field (BAD_USER_INPUT,
 * RESEARCH.WEAKER_THAN_DEPLOYMENT), shown next to the field. The noisy mode is read-only too (the deployment's
 * configuration). Every change is audited by the API, with its optional reason (issue "Research access", item 2).
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
        Les seuils de la plateforme sont fixés par son exploitant et s’appliquent à toutes les réponses de l’espace recherche. Vous pouvez les rendre
        plus stricts pour les données de votre fédération : une réponse qui porte sur vos MSP applique alors, seuil par seuil, le plus strict. Un
        seuil plus faible que celui de la plateforme est refusé. Chaque modification est tracée dans le journal d’audit.
      </p>
      {error && !settings ? (
        <ErrorState title="Les paramètres n’ont pas pu être chargés" message={describeError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !settings ? (
        <PageLoading label="Chargement des paramètres…" />
      ) : (
        <div className="research-settings">
          <PlatformSettings settings={settings} />
          <FederationThresholdsForm settings={settings} />
        </div>
      )}
    </div>
  );
}

/** The deployment's thresholds and noisy mode, read-only. */
function PlatformSettings({ settings }: { settings: ResearchSettings }) {
  const id = useId();
  const noise =
    settings.privacyMode === "LAPLACE"
      ? `activé (ε par requête ${formatEpsilon(settings.epsilonPerQuery)}, budget ${formatEpsilon(settings.epsilonBudget)})`
      : "désactivé";
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Seuils de la plateforme</h2>
      <dl className="research-thresholds">
        {FIELDS.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd>{formatThreshold(f, settings.thresholds[f.key])}</dd>
          </div>
        ))}
      </dl>
      <p className="research-settings__noise">Bruit différentiel : {noise} — réglé par l’exploitant de la plateforme.</p>
    </section>
  );
}

/** The federation's own thresholds: prefilled with them, or with the platform's when it has none yet. */
function FederationThresholdsForm({ settings }: { settings: ResearchSettings }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings.federationThresholds ?? settings.thresholds));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(UPDATE_RESEARCH_SETTINGS, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: RESEARCH_SETTINGS, data: { __typename: "Query", researchSettings: data.updateResearchSettings } });
    },
  });

  const set = (key: ThresholdKey | "reason", value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(false);
  };

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    setSaved(false);
    const local: Errors = {};
    for (const f of FIELDS) {
      const problem = localProblem(f, draft[f.key]);
      if (problem) local[f.key] = problem;
    }
    setErrors(local);
    if (Object.keys(local).length > 0) {
      focusFirstError();
      return;
    }
    try {
      const { data } = await save({
        variables: {
          input: {
            minPatients: parse(draft.minPatients),
            minContributors: parse(draft.minContributors),
            dominanceShare: parse(draft.dominanceShare),
            minRateNumerator: parse(draft.minRateNumerator),
            minRateDenominator: parse(draft.minRateDenominator),
            minProfessionals: parse(draft.minProfessionals),
            protectionPercent: parse(draft.protectionPercent),
            reason: draft.reason.trim() || null,
          },
        },
      });
      if (!data) return;
      const result = data.updateResearchSettings;
      setDraft(draftOf(result.federationThresholds ?? result.thresholds));
      setSaved(true);
    } catch (error) {
      const server: Errors = {};
      const others: string[] = [];
      for (const [field, message] of Object.entries(getFieldErrors(error))) {
        if (!message) continue;
        if (isThresholdKey(field) || field === "reason") server[field] ??= message;
        else others.push(message);
      }
      setErrors(server);
      const refused = Object.keys(server).length;
      setFormError(
        others.length > 0
          ? others.join(" ")
          : refused > 0
            ? refused === 1
              ? "Une valeur n’a pas été acceptée : corrigez le champ signalé."
              : `${integer.format(refused)} valeurs n’ont pas été acceptées : corrigez les champs signalés.`
            : describeError(error),
      );
      focusFirstError();
    }
  }

  const describedBy = (key: ThresholdKey | "reason", hint?: string) => [hint, errors[key] ? `${id}-${key}-error` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form ref={formRef} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Seuils de votre fédération (plus stricts uniquement)</h2>
      <p>
        {settings.federationThresholds
          ? "Votre fédération applique ses propres seuils, plus stricts que ceux de la plateforme, à ses données."
          : "Votre fédération applique aujourd’hui les seuils de la plateforme."}{" "}
        Chaque valeur doit être égale à celle de la plateforme ou plus stricte.
      </p>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {FIELDS.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <input
            id={`${id}-${f.key}`}
            inputMode="decimal"
            autoComplete="off"
            value={draft[f.key]}
            onChange={(e) => set(f.key, e.target.value)}
            aria-describedby={describedBy(f.key, `${id}-${f.key}-hint`)}
            aria-invalid={errors[f.key] ? true : undefined}
          />
          <p className="field__hint" id={`${id}-${f.key}-hint`}>
            {f.hint} Plateforme : {formatThreshold(f, settings.thresholds[f.key])} ; plus strict : une valeur {f.stricterWhenHigher ? "plus élevée" : "plus faible"}.
          </p>
          <FieldError id={`${id}-${f.key}-error`} message={errors[f.key]} />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-reason`}>Motif (facultatif)</label>
        <textarea
          id={`${id}-reason`}
          value={draft.reason}
          onChange={(e) => set("reason", e.target.value)}
          rows={3}
          maxLength={2000}
          aria-describedby={describedBy("reason", `${id}-reason-hint`)}
          aria-invalid={errors.reason ? true : undefined}
        />
        <p className="field__hint" id={`${id}-reason-hint`}>
          Conservé dans le journal d’audit avec la modification.
        </p>
        <FieldError id={`${id}-reason-error`} message={errors.reason} />
      </div>
      <div role="status">{saved && <p className="notice notice--success">Seuils de votre fédération enregistrés (modification tracée dans le journal d’audit).</p>}</div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading && <Spinner />} Enregistrer les seuils
        </button>
      </div>
    </form>
  );
}
