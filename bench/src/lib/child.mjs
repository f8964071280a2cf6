/**
 * Child processes for the benchmarks (the API, the raw-SQL floor): started on a free port, awaited until they
 * print their "ready" line, stopped by their own pid. Every child started here is tracked so that the runner
 * can stop what is still running when it fails or is interrupted.
 */
import { spawn } from "node:child_process";
import net from "node:net";

/** @typedef {{ name: string; pid: number | undefined; port: number; baseUrl: string; output: () => string; stop: () => Promise<void> }} RunningChild */

/** @type {Set<RunningChild>} */
const running = new Set();

/** A TCP port that was free a moment ago on 127.0.0.1 (the child binds it right after). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <script>` with `env` (PORT is set to a free port) and resolves once a line of its stdout
 * matches `ready`. Rejects, with the tail of its output, if it exits or times out first.
 * @param {{ name: string; script: string; args?: string[]; env: Record<string, string | undefined>; ready: RegExp; timeoutMs?: number; cwd?: string }} opts
 * @returns {Promise<RunningChild>}
 */
export async function startChild(opts) {
  const port = await freePort();
  // BENCH_CPU_PROF=<folder>: every child writes a V8 CPU profile there when it exits (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, opts.script, ...(opts.args ?? [])], {
    cwd: opts.cwd,
    env: { ...opts.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  /** @type {string[]} */
  const tail = [];
  const remember = (/** @type {string} */ line) => {
    tail.push(line);
    if (tail.length > 60) tail.shift();
  };
  const output = () => tail.join("\n");

  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))));

  /** @type {RunningChild} */
  const handle = {
    name: opts.name,
    pid: child.pid,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    output,
    stop: async () => {
      if (!running.has(handle)) return;
      running.delete(handle);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(handle);

  await new Promise((resolve, reject) => {
    let buffered = "";
    let done = false;
    const finish = (/** @type {Error | null} */ error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        void handle.stop().finally(() => reject(error));
      } else resolve(undefined);
    };
    const timeoutMs = opts.timeoutMs ?? 180_000;
    const timer = setTimeout(
      () => finish(new Error(`${opts.name} was not ready after ${timeoutMs / 1000} s. Its last output:\n${output()}`)),
      timeoutMs,
    );
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (/** @type {string} */ chunk) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        remember(line);
        if (opts.ready.test(line)) finish(null);
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (/** @type {string} */ chunk) => {
      for (const line of chunk.split("\n")) if (line) remember(line);
    });
    void exited.then((code) => finish(new Error(`${opts.name} exited (code ${code}) before it was ready. Its last output:\n${output()}`)));
  });
  return handle;
}

/** Stops every child still running (used on failure and on Ctrl-C). */
export async function stopAllChildren() {
  await Promise.all([...running].map((c) => c.stop()));
}
