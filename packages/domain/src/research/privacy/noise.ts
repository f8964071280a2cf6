import { err, ok, type Result } from "../../shared/result.js";
import type { RandomSource } from "./random.js";

/**
 * Differential-privacy helpers (optional per deployment; ARCHITECTURE.md "optional: noisy counts with a
 * per-researcher privacy budget"). DOMAIN.md does not prescribe noise (§6 lists only suppression rules), so the
 * parameters are the deployment's choice; they are stated with every noisy value and logged with the query (R8).
 *
 * The sensitivity is the caller's: one MSP can change a count of patients by its whole patient list, so the
 * sensitivity of a count of patients over MSP records is the largest patient count allowed per MSP (clip first),
 * not 1; a count of MSPs has sensitivity 1 (one MSP-year record).
 */

export const PRIVACY_ERROR_CODES = ["PRIVACY.EPSILON_INVALID", "PRIVACY.DELTA_INVALID", "PRIVACY.SENSITIVITY_INVALID", "PRIVACY.BUDGET_EXHAUSTED"] as const;
export type PrivacyErrorCode = (typeof PRIVACY_ERROR_CODES)[number];
export type PrivacyError = { readonly code: PrivacyErrorCode; readonly message: string };

export type NoisyValue = {
  readonly value: number;
  readonly mechanism: "LAPLACE" | "GAUSSIAN";
  readonly epsilon: number;
  readonly delta: number;
  readonly sensitivity: number;
  /** Laplace scale b = sensitivity / ε, or the Gaussian standard deviation σ. */
  readonly scale: number;
};

const invalid = (code: PrivacyErrorCode, message: string): Result<never, PrivacyError> => err({ code, message });

/** Draws from Laplace(0, scale) by inverting its distribution function. */
export function laplaceNoise(scale: number, random: RandomSource): number {
  for (;;) {
    const u = random() - 0.5; // [-0.5, 0.5)
    const tail = 1 - 2 * Math.abs(u);
    if (tail > 0) return -scale * Math.sign(u) * Math.log(tail);
  }
}

/** Draws from N(0, σ²) (Box–Muller). */
export function gaussianNoise(sigma: number, random: RandomSource): number {
  for (;;) {
    const u1 = random();
    const u2 = random();
    if (u1 > 0) return sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/** ε-differentially private value: `value + Laplace(sensitivity / ε)` (the Laplace mechanism). */
export function laplaceMechanism(
  value: number,
  params: { readonly epsilon: number; readonly sensitivity: number },
  random: RandomSource,
): Result<NoisyValue, PrivacyError> {
  if (!(Number.isFinite(params.epsilon) && params.epsilon > 0)) return invalid("PRIVACY.EPSILON_INVALID", "ε doit être un nombre strictement positif.");
  if (!(Number.isFinite(params.sensitivity) && params.sensitivity > 0)) return invalid("PRIVACY.SENSITIVITY_INVALID", "La sensibilité doit être strictement positive.");
  const scale = params.sensitivity / params.epsilon;
  return ok({ value: value + laplaceNoise(scale, random), mechanism: "LAPLACE", epsilon: params.epsilon, delta: 0, sensitivity: params.sensitivity, scale });
}

/**
 * (ε, δ)-differentially private value with Gaussian noise, σ = sensitivity · √(2 ln(1.25/δ)) / ε — the classical
 * calibration (Dwork & Roth, *The Algorithmic Foundations of Differential Privacy*, Thm A.1), valid for 0 < ε < 1;
 * `sensitivity` is the L2 sensitivity.
 */
export function gaussianMechanism(
  value: number,
  params: { readonly epsilon: number; readonly delta: number; readonly sensitivity: number },
  random: RandomSource,
): Result<NoisyValue, PrivacyError> {
  if (!(Number.isFinite(params.epsilon) && params.epsilon > 0 && params.epsilon < 1)) {
    return invalid("PRIVACY.EPSILON_INVALID", "Pour le bruit gaussien, ε doit être compris strictement entre 0 et 1.");
  }
  if (!(Number.isFinite(params.delta) && params.delta > 0 && params.delta < 1)) return invalid("PRIVACY.DELTA_INVALID", "δ doit être compris strictement entre 0 et 1.");
  if (!(Number.isFinite(params.sensitivity) && params.sensitivity > 0)) return invalid("PRIVACY.SENSITIVITY_INVALID", "La sensibilité doit être strictement positive.");
  const sigma = (params.sensitivity * Math.sqrt(2 * Math.log(1.25 / params.delta))) / params.epsilon;
  return ok({ value: value + gaussianNoise(sigma, random), mechanism: "GAUSSIAN", epsilon: params.epsilon, delta: params.delta, sensitivity: params.sensitivity, scale: sigma });
}

/**
 * A noisy count: the Laplace mechanism, then rounded and floored at 0. Rounding and clamping are post-processing,
 * which never weakens differential privacy.
 */
export function noisyCount(
  count: number,
  params: { readonly epsilon: number; readonly sensitivity: number },
  random: RandomSource,
): Result<NoisyValue, PrivacyError> {
  const noisy = laplaceMechanism(count, params, random);
  if (!noisy.ok) return noisy;
  return ok({ ...noisy.value, value: Math.max(0, Math.round(noisy.value.value)) });
}
