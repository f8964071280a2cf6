import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import type { CreateApiTokenMutation } from "../../../gql/graphql";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { API_TOKENS } from "../graphql/api-tokens.query";
import { CREATE_API_TOKEN } from "../graphql/create-api-token.mutation";
import type { ApiTokenScope } from "../../../gql/graphql";
import { DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS, parseValidityDays, SCOPE_OPTIONS, type ScopeValue } from "../utils/token-status";

type Field = "name" | "expiresInDays" | "scopes";
type Errors = Partial<Record<Field, string>>;
const isField = (value: string): value is Field => value === "name" || value === "expiresInDays" || value === "scopes";

export type CreatedToken = CreateApiTokenMutation["createApiToken"];

/**
 * Creates a personal API token: a name, a validity of 1 to 365 days (90 by default) and its scopes — the research
 * space only by default; reading everything or writing only when ticked.
 */
export function CreateApiTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [validity, setValidity] = useState(String(DEFAULT_VALIDITY_DAYS));
  const [scopes, setScopes] = useState<ScopeValue[]>(["RESEARCH_READ"]);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [createToken, { loading }] = useMutation(CREATE_API_TOKEN, {
    update(cache, { data }) {
      const created = data?.createApiToken.apiToken;
      if (!created) return;
      cache.updateQuery({ query: API_TOKENS }, (current) =>
        current ? { ...current, apiTokens: [created, ...current.apiTokens.filter((t) => t.id !== created.id)] } : current,
      );
    },
  });

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    const found: Errors = {};
    if (!name.trim()) found.name = "Donnez un nom au jeton (par exemple le nom du script).";
    else if (name.trim().length > 100) found.name = "Le nom ne doit pas dépasser 100 caractères.";
    const parsed = parseValidityDays(validity);
    if ("error" in parsed) found.expiresInDays = parsed.error;
    if (scopes.length === 0) found.scopes = "Choisissez au moins une portée.";
    setErrors(found);
    if (Object.keys(found).length > 0 || "error" in parsed) {
      focusFirstError();
      return;
    }
    try {
      const { data } = await createToken({ variables: { input: { name: name.trim(), expiresInDays: parsed.days, scopes: scopes as ApiTokenScope[] } } });
      if (!data) return;
      setName("");
      setValidity(String(DEFAULT_VALIDITY_DAYS));
      setScopes(["RESEARCH_READ"]);
      onCreated(data.createApiToken);
    } catch (error) {
      const serverErrors: Errors = {};
      const others: string[] = [];
      for (const [field, message] of Object.entries(getFieldErrors(error))) {
        if (!message) continue;
        if (isField(field)) serverErrors[field] = message;
        else others.push(message);
      }
      setErrors(serverErrors);
      setFormError(others.length > 0 ? others.join(" ") : Object.keys(serverErrors).length > 0 ? null : describeError(error));
      focusFirstError();
    }
  }

  const describedBy = (field: Field, hint?: string) => [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form ref={formRef} className="form card" onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Créer un jeton</h2>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Nom du jeton</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              setErrors((current) => ({ ...current, name: undefined }));
            }}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy("name", `${id}-name-hint`)}
          />
          <p className="field__hint" id={`${id}-name-hint`}>
            Pour le reconnaître, par exemple « Script d’analyse R ».
          </p>
          <FieldError id={`${id}-name-error`} message={errors.name} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>Durée de validité (jours)</label>
          <input
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_VALIDITY_DAYS}
            step={1}
            value={validity}
            onChange={(e) => {
              setValidity(e.target.value);
              setErrors((current) => ({ ...current, expiresInDays: undefined }));
            }}
            aria-invalid={errors.expiresInDays ? true : undefined}
            aria-describedby={describedBy("expiresInDays", `${id}-days-hint`)}
          />
          <p className="field__hint" id={`${id}-days-hint`}>
            De 1 à {MAX_VALIDITY_DAYS} jours ({DEFAULT_VALIDITY_DAYS} par défaut).
          </p>
          <FieldError id={`${id}-expiresInDays-error`} message={errors.expiresInDays} />
        </div>
      </div>
      <fieldset className="field" aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
        <legend>Ce que le jeton permet</legend>
        {SCOPE_OPTIONS.map((option) => (
          <div key={option.value} className="checkbox">
            <input
              type="checkbox"
              id={`${id}-scope-${option.value}`}
              checked={scopes.includes(option.value)}
              aria-describedby={`${id}-scope-${option.value}-hint`}
              aria-invalid={errors.scopes ? true : undefined}
              onChange={(e) => {
                setScopes((current) => (e.target.checked ? [...current, option.value] : current.filter((s) => s !== option.value)));
                setErrors((current) => ({ ...current, scopes: undefined }));
              }}
            />
            <label htmlFor={`${id}-scope-${option.value}`}>{option.label}</label>
            <p className="field__hint" id={`${id}-scope-${option.value}-hint`}>
              {option.hint}
            </p>
          </div>
        ))}
        <FieldError id={`${id}-scopes-error`} message={errors.scopes} />
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading && <Spinner />} Créer le jeton
        </button>
      </div>
    </form>
  );
}
