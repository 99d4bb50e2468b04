import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from './free-port.js';
import { type PrismLogLevel, prismArgs } from './prism-command.js';
import { waitForPrism } from './wait-for-prism.js';

/** Options of `startPrism`. */
export interface StartPrismOptions {
  /** Path of the OpenAPI document to mock. */
  specPath: string;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on. Default: a free one (retried up to 3 times if another process takes it first). */
  port?: number;
  /** Longest wait for Prism to answer, in ms. Default 60000 (it needs ~1.5 s of CPU, more on a busy machine). */
  readyTimeoutMs?: number;
  /** Prism's log level; its last 4 KB of output go into start-up errors. Default `warn`. */
  logLevel?: PrismLogLevel;
  /** See `PrismCommandOptions.lightFaker`. Default true. */
  lightFaker?: boolean;
}

/** A running Prism mock server, a child process of this one. */
export interface PrismMock {
  /** Base URL for a generated client, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  pid: number;
  specPath: string;
  /** Milliseconds from spawn until Prism answered. */
  startupMs: number;
  /** The tail (last 4 KB) of Prism's output, for diagnosing a failing test. */
  output(): string;
  /** Stops this process only (SIGTERM, SIGKILL after 2 s) and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

const OUTPUT_TAIL = 4096;
const PORT_ATTEMPTS = 3;

/**
 * Spawns Prism on `specPath` and resolves once it answers HTTP. The child is stopped by its own pid, and
 * killed when this process exits (normally or on an uncaught error), so a failed run leaves no server behind.
 */
export async function startPrism(options: StartPrismOptions): Promise<PrismMock> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, options.port ?? (await freePort(options.host)));
    } catch (error) {
      const portTaken = error instanceof Error && error.message.includes('EADDRINUSE');
      if (!portTaken || options.port !== undefined || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

async function startOnce(options: StartPrismOptions, port: number): Promise<PrismMock> {
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host}:${port}`;
  const started = performance.now();
  const args = prismArgs({ ...options, host, port });
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`cannot run Prism: ${e.message}`)));
    // 'close' rather than 'exit': by then all of Prism's output has been read.
    child.once('close', (code, signal) =>
      reject(new Error(`Prism on ${options.specPath} exited (${signal ?? `code ${code}`})`)),
    );
  });
  exited.catch(() => {});
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  try {
    await waitForPrism(url, exited, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}; its output:\n${withoutUsage(output).trim()}`, { cause: error });
  }
  const startupMs = Math.round(performance.now() - started);
  return {
    url,
    port,
    pid: child.pid ?? -1,
    specPath: options.specPath,
    startupMs,
    output: () => output,
    stop,
  };
}

// On a fatal error Prism's CLI prints its usage text and a dump of the error after the message we want
// (except for `listen EADDRINUSE`, which comes last): keep the message.
function withoutUsage(output: string): string {
  const cut = output.indexOf('\nprism mock <document>\n');
  if (cut < 0) return output;
  const listen = output
    .slice(cut)
    .split('\n')
    .find((line) => line.startsWith('listen '));
  return `${output.slice(0, cut)}${listen === undefined ? '' : `\n${listen}`}`;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(force);
}
