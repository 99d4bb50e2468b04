/** The path probed for readiness: no spec routes it, so a live Prism answers its own 404 problem. */
export const PROBE_PATH = '/__switchboard/prism-ready';
const PRISM_NOT_FOUND = 'stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR';

/** Whether Prism (and not some other server that took the port) answers at `baseUrl`. */
export async function prismAnswers(baseUrl: string, probeTimeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}${PROBE_PATH}`, { signal: AbortSignal.timeout(probeTimeoutMs) });
    return (await response.text()).includes(PRISM_NOT_FOUND);
  } catch {
    return false;
  }
}

/**
 * Polls `baseUrl` every `intervalMs` until Prism answers. Rejects when `gaveUp` settles first (the process
 * exited) or after `timeoutMs`.
 */
export async function waitForPrism(
  baseUrl: string,
  gaveUp: Promise<never>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let abandoned = false;
  const poll = async () => {
    while (!abandoned && Date.now() < until) {
      if (await prismAnswers(baseUrl)) return;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    if (!abandoned) throw new Error(`Prism did not answer at ${baseUrl} within ${timeoutMs} ms`);
  };
  try {
    await Promise.race([poll(), gaveUp]);
  } finally {
    abandoned = true;
  }
}
