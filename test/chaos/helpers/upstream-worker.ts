// Runs a fault upstream in a worker thread (its own event loop, like a real remote service), driven by
// messages from `startUpstreamThread`.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { type Answer, startFaultUpstream, type UpstreamAttempt } from './fault-upstream.js';
import { type PlanSpec, planFromSpec } from './plans.js';

const port = parentPort;
if (port === null) throw new Error('upstream-worker must run in a worker thread');
const { spec } = workerData as { spec: PlanSpec };

/** What a healthy upstream answers, by route: createUser, sendMessage, verifyToken, else getNotionContext. */
const answer: Answer = (a) => {
  if (a.method === 'POST' && a.path === '/users') return createdUser(a);
  if (a.method === 'POST' && a.path === '/auth/verify')
    return {
      status: 200,
      body: { valid: true, userId: 'usr_1', email: 'ada@example.com', tenantId: 'tnt_1' },
    };
  if (a.method === 'POST' && a.path === '/internal/whatsapp/messages') return acceptedMessage(a);
  return { status: 200, body: { connected: false, token: null } };
};
const createdUser: Answer = (a) => ({
  status: 201,
  body: {
    id: `usr_${a.seq}`,
    email: 'ada@example.com',
    displayName: 'Ada',
    tenantId: 'tnt_1',
    createdAt: '2026-01-01T00:00:00.000Z',
  },
});
// Like the real provider: a message is sent when its request is delivered (even if the connection then
// breaks before the answer); a repeat of its Idempotency-Key returns the first outcome instead of sending again.
const firstDelivery = new Map<string, number>();
const messageKey = (a: UpstreamAttempt) =>
  a.method === 'POST' && a.path === '/internal/whatsapp/messages'
    ? (a.idempotencyKey ?? `no-key-${a.seq}`)
    : undefined;
const deliver = (a: UpstreamAttempt) => {
  const key = messageKey(a);
  if (key !== undefined && !firstDelivery.has(key)) firstDelivery.set(key, a.seq);
};
const acceptedMessage: Answer = (a) => {
  const first = firstDelivery.get(messageKey(a) ?? '') ?? a.seq;
  return {
    status: 202,
    body: { messageId: `msg_${first}`, status: 'queued', deduplicated: first !== a.seq },
  };
};

const upstream = await startFaultUpstream({ plan: planFromSpec(spec), answer, deliver });
port.on('message', async (m: { id: number; op: 'attempts' | 'plan' | 'close'; spec?: PlanSpec }) => {
  if (m.op === 'plan' && m.spec !== undefined) upstream.plan = planFromSpec(m.spec);
  if (m.op === 'close') await upstream.close();
  const result =
    m.op === 'attempts'
      ? { attempts: upstream.attempts, openSockets: upstream.openSockets(), messagesSent: firstDelivery.size }
      : {};
  port.postMessage({ id: m.id, result });
  if (m.op === 'close') port.close();
});
port.postMessage({ ready: { url: upstream.url, port: upstream.port, timeOrigin: performance.timeOrigin } });
