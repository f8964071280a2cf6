import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createPrivacyBudget, remainingPrivacyBudget, spendPrivacyBudget, type PrivacyBudget } from "./budget.js";
import { gaussianMechanism, laplaceMechanism, laplaceNoise, noisyCount } from "./noise.js";
import { seededRandom } from "./random.js";

const moments = (xs: number[]): { mean: number; variance: number } => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean, variance: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length };
};

describe("differential-privacy noise", () => {
  it("is reproducible with the same injected source", () => {
    const a = laplaceMechanism(100, { epsilon: 0.5, sensitivity: 1 }, seededRandom(42));
    const b = laplaceMechanism(100, { epsilon: 0.5, sensitivity: 1 }, seededRandom(42));
    expect(a).toEqual(b);
    expect(a.ok && a.value).toMatchObject({ mechanism: "LAPLACE", epsilon: 0.5, delta: 0, sensitivity: 1, scale: 2 });
  });

  it("draws Laplace noise with mean 0 and variance 2b²", () => {
    const random = seededRandom(7);
    const samples = Array.from({ length: 40_000 }, () => laplaceNoise(3, random));
    const { mean, variance } = moments(samples);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(variance / 18).toBeGreaterThan(0.93);
    expect(variance / 18).toBeLessThan(1.07);
  });

  it("calibrates Gaussian noise as σ = Δ·√(2 ln(1.25/δ))/ε", () => {
    const random = seededRandom(11);
    const params = { epsilon: 0.5, delta: 1e-5, sensitivity: 2 };
    const sigma = (2 * Math.sqrt(2 * Math.log(1.25 / 1e-5))) / 0.5;
    const samples = Array.from({ length: 20_000 }, () => {
      const r = gaussianMechanism(0, params, random);
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.scale).toBeCloseTo(sigma, 9);
      return r.value.value;
    });
    const { mean, variance } = moments(samples);
    expect(Math.abs(mean)).toBeLessThan(0.05 * sigma);
    expect(Math.sqrt(variance) / sigma).toBeGreaterThan(0.97);
    expect(Math.sqrt(variance) / sigma).toBeLessThan(1.03);
  });

  it("rounds and floors noisy counts at zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer(), (count, seed) => {
        const r = noisyCount(count, { epsilon: 0.1, sensitivity: 1 }, seededRandom(seed));
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(Number.isInteger(r.value.value)).toBe(true);
          expect(r.value.value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("refuses invalid parameters", () => {
    const random = seededRandom(1);
    expect(laplaceMechanism(1, { epsilon: 0, sensitivity: 1 }, random)).toMatchObject({ ok: false, error: { code: "PRIVACY.EPSILON_INVALID" } });
    expect(laplaceMechanism(1, { epsilon: 1, sensitivity: -1 }, random)).toMatchObject({ ok: false, error: { code: "PRIVACY.SENSITIVITY_INVALID" } });
    expect(gaussianMechanism(1, { epsilon: 2, delta: 1e-5, sensitivity: 1 }, random)).toMatchObject({ ok: false, error: { code: "PRIVACY.EPSILON_INVALID" } });
    expect(gaussianMechanism(1, { epsilon: 0.5, delta: 0, sensitivity: 1 }, random)).toMatchObject({ ok: false, error: { code: "PRIVACY.DELTA_INVALID" } });
  });
});

describe("privacy budget accountant", () => {
  const budget = (): PrivacyBudget => {
    const b = createPrivacyBudget(1, 1e-6);
    if (!b.ok) throw new Error(b.error.code);
    return b.value;
  };

  it("adds up spends and refuses the one that would exceed the budget", () => {
    let b = budget();
    for (let i = 0; i < 10; i += 1) {
      const next = spendPrivacyBudget(b, { label: `q${String(i)}`, epsilon: 0.1 });
      expect(next.ok).toBe(true);
      if (next.ok) b = next.value;
    }
    expect(b.spends).toHaveLength(10);
    expect(remainingPrivacyBudget(b).epsilon).toBeCloseTo(0, 9);
    expect(spendPrivacyBudget(b, { label: "q10", epsilon: 0.01 })).toMatchObject({ ok: false, error: { code: "PRIVACY.BUDGET_EXHAUSTED" } });
  });

  it("tracks δ separately and never mutates the budget", () => {
    const b = budget();
    expect(spendPrivacyBudget(b, { label: "g", epsilon: 0.1, delta: 2e-6 })).toMatchObject({ ok: false, error: { code: "PRIVACY.BUDGET_EXHAUSTED" } });
    const spent = spendPrivacyBudget(b, { label: "g", epsilon: 0.1, delta: 1e-6 });
    expect(spent.ok && remainingPrivacyBudget(spent.value)).toEqual({ epsilon: 0.9, delta: 0 });
    expect(b.spentEpsilon).toBe(0);
  });

  it("never lets the spent ε exceed the total, whatever the sequence", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 0.6, noNaN: true }), { maxLength: 30 }), (spends) => {
        let b = budget();
        for (const epsilon of spends) {
          const next = spendPrivacyBudget(b, { label: "q", epsilon });
          if (next.ok) b = next.value;
          else expect(b.spentEpsilon + epsilon).toBeGreaterThan(b.totalEpsilon);
        }
        expect(b.spentEpsilon).toBeLessThanOrEqual(1 + 1e-9);
      }),
    );
  });

  it("refuses an invalid budget or spend", () => {
    expect(createPrivacyBudget(0)).toMatchObject({ ok: false, error: { code: "PRIVACY.EPSILON_INVALID" } });
    expect(spendPrivacyBudget(budget(), { label: "x", epsilon: Number.NaN })).toMatchObject({ ok: false, error: { code: "PRIVACY.EPSILON_INVALID" } });
  });
});
