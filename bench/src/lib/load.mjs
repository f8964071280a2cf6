/**
 * The load generator: autocannon, in this process (the servers under test run in child processes), with the
 * same settings for every target of a benchmark.
 */
import autocannon from "autocannon";

/**
 * @typedef {{
 *   requestsPerSec: number; latencyP50Ms: number; latencyP99Ms: number; latencyMeanMs: number; latencyMaxMs: number;
 *   requests: number; errors: number; timeouts: number; non2xx: number; invalidBodies: number; failures: number;
 *   durationSec: number
 * }} LoadResult
 */

/**
 * Runs autocannon for `durationSec` seconds with `connections` connections (no pipelining) and sums it up.
 * `verifyBody` is called on the body of every 2xx response; a false answer counts as an invalid body (so a
 * failed request is counted once: as an error, a non-2xx response or an invalid body).
 * @param {{ url: string; method?: string; headers?: Record<string, string>; body?: string; connections: number; durationSec: number; verifyBody?: (body: string) => boolean }} opts
 * @returns {Promise<LoadResult>}
 */
export async function runLoad(opts) {
  let invalidBodies = 0;
  const verify = opts.verifyBody;
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? "GET",
    headers: opts.headers,
    body: opts.body,
    connections: opts.connections,
    pipelining: 1,
    duration: opts.durationSec,
    requests: [
      {
        onResponse: (/** @type {number} */ status, /** @type {string} */ body) => {
          if (verify && status >= 200 && status < 300 && !verify(body)) invalidBodies++;
        },
      },
    ],
  });
  const errors = result.errors ?? 0;
  const non2xx = result.non2xx ?? 0;
  return {
    requestsPerSec: round(result.requests.mean, 1),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: round(result.latency.mean, 2),
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    // autocannon counts timeouts among errors.
    errors,
    timeouts: result.timeouts ?? 0,
    non2xx,
    invalidBodies,
    failures: errors + non2xx + invalidBodies,
    durationSec: round(result.duration, 2),
  };
}

/** @param {number} value @param {number} digits */
export function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Throughput ratio of two targets (requests/s of `a` over `b`), 3 decimals; null when `b` served nothing.
 * @param {{ requestsPerSec: number }} a @param {{ requestsPerSec: number }} b
 */
export const throughputRatio = (a, b) => (b.requestsPerSec > 0 ? round(a.requestsPerSec / b.requestsPerSec, 3) : null);
