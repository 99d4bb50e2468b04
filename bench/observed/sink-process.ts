import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ListeningChild, startListeningChild } from '../listening-child.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Starts the OTLP/HTTP sink in its own process; its `endpoint` is `http://127.0.0.1:<port>`. */
export async function startOtlpSink(cpu?: number): Promise<ListeningChild & { endpoint: string }> {
  const child = await startListeningChild(join(here, 'otlp-sink.ts'), [], {
    label: 'otlp sink',
    env: {},
    ...(cpu === undefined ? {} : { cpu }),
  });
  return { ...child, endpoint: `http://127.0.0.1:${child.port}` };
}
