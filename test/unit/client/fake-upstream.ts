/** A scripted `fetch` for client tests: answers each attempt with the next step and records the requests. */
export type Step =
  | number
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | 'refused'
  | 'reset'
  | 'hang';

export interface FakeUpstream {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
}

/** Each call consumes the next step (the last one repeats). 'hang' settles only when the request aborts. */
export function fakeUpstream(steps: Step[]): FakeUpstream {
  const requests: Request[] = [];
  let i = 0;
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    const step = steps[Math.min(i++, steps.length - 1)] ?? 200;
    if (step === 'refused')
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    if (step === 'reset')
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    if (step === 'hang') {
      return new Promise((_, reject) => {
        // Aborted already (a deadline that passed while the request was made): settle now, as fetch does.
        if (request.signal.aborted) reject(request.signal.reason);
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      });
    }
    const s = typeof step === 'number' ? { status: step } : step;
    const body =
      s.status === 204
        ? null
        : JSON.stringify(
            s.body ?? (s.status < 300 ? { connected: false, token: null } : { error: `HTTP ${s.status}` }),
          );
    return new Response(body, {
      status: s.status,
      headers: { 'content-type': 'application/json', ...s.headers },
    });
  };
  return { fetch, requests };
}
