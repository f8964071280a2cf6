import { err, ok, type Result } from "../../shared/result.js";
import type { PrivacyError } from "./noise.js";

/** One release charged to the budget. */
export type PrivacySpend = { readonly label: string; readonly epsilon: number; readonly delta: number };

/**
 * A researcher's privacy budget under basic sequential composition: the ε (and δ) of successive releases add up,
 * and a release that would exceed the total is refused. Pure: spending returns a new budget (the API stores it
 * with the audited query, R8).
 */
export type PrivacyBudget = {
  readonly totalEpsilon: number;
  readonly totalDelta: number;
  readonly spentEpsilon: number;
  readonly spentDelta: number;
  readonly spends: readonly PrivacySpend[];
};

/** Floating-point slack, so that ten spends of 0.1 fit a budget of 1. */
const SLACK = 1e-9;

export function createPrivacyBudget(totalEpsilon: number, totalDelta = 0): Result<PrivacyBudget, PrivacyError> {
  if (!(Number.isFinite(totalEpsilon) && totalEpsilon > 0)) return err({ code: "PRIVACY.EPSILON_INVALID", message: "Le budget ε doit être strictement positif." });
  if (!(Number.isFinite(totalDelta) && totalDelta >= 0 && totalDelta < 1)) return err({ code: "PRIVACY.DELTA_INVALID", message: "Le budget δ doit être compris entre 0 et 1." });
  return ok({ totalEpsilon, totalDelta, spentEpsilon: 0, spentDelta: 0, spends: [] });
}

export function remainingPrivacyBudget(budget: PrivacyBudget): { readonly epsilon: number; readonly delta: number } {
  return { epsilon: Math.max(0, budget.totalEpsilon - budget.spentEpsilon), delta: Math.max(0, budget.totalDelta - budget.spentDelta) };
}

/** Charges one release; refuses (`PRIVACY.BUDGET_EXHAUSTED`) when it would exceed the budget, leaving it unchanged. */
export function spendPrivacyBudget(budget: PrivacyBudget, spend: { readonly label: string; readonly epsilon: number; readonly delta?: number }): Result<PrivacyBudget, PrivacyError> {
  const delta = spend.delta ?? 0;
  if (!(Number.isFinite(spend.epsilon) && spend.epsilon > 0)) return err({ code: "PRIVACY.EPSILON_INVALID", message: "ε doit être un nombre strictement positif." });
  if (!(Number.isFinite(delta) && delta >= 0 && delta < 1)) return err({ code: "PRIVACY.DELTA_INVALID", message: "δ doit être compris entre 0 et 1." });
  const spentEpsilon = budget.spentEpsilon + spend.epsilon;
  const spentDelta = budget.spentDelta + delta;
  if (spentEpsilon > budget.totalEpsilon + SLACK || spentDelta > budget.totalDelta + SLACK) {
    return err({ code: "PRIVACY.BUDGET_EXHAUSTED", message: "Budget de confidentialité épuisé : la requête est refusée." });
  }
  return ok({ ...budget, spentEpsilon, spentDelta, spends: [...budget.spends, { label: spend.label, epsilon: spend.epsilon, delta }] });
}
