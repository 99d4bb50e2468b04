import Fastify from 'fastify';
import { authServiceRoutesPlugin } from '../../../generated/auth-service/server.js';
import { respond } from '../../../lib/server/index.js';
import type { VerifiedUser } from '../../../services/shared/verified-user.js';

/** How the fake answers `POST /auth/verify`. */
export type FakeAuthMode = 'verify' | 'fail-500' | 'hang';

/** A stand-in auth-service over real HTTP: the generated route table with hand-written handlers. */
export interface FakeAuthService {
  url: string;
  /** Tokens `verifyToken` accepts, with the user each belongs to. */
  tokens: Map<string, VerifiedUser>;
  /** Headers of every `verifyToken` call received. */
  calls: Record<string, unknown>[];
  mode: FakeAuthMode;
  close(): Promise<void>;
}

const UNAUTHORIZED = { error: 'Unauthorized' };

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeAuthService(): Promise<FakeAuthService> {
  // After an aborted call undici opens a spare connection that never sends a request; Node does not count
  // it as idle, so without this `close` would wait for it.
  const app = Fastify({ forceCloseConnections: true });
  const hanging = new Set<() => void>();
  const fake: FakeAuthService = {
    url: '',
    tokens: new Map(),
    calls: [],
    mode: 'verify',
    close: async () => {
      for (const release of hanging) release();
      await app.close();
    },
  };
  await app.register(authServiceRoutesPlugin, {
    handlers: {
      verifyToken: async ({ body, headers }) => {
        fake.calls.push(headers);
        if (fake.mode === 'fail-500') throw new Error('auth-service exploded');
        if (fake.mode === 'hang') await new Promise<void>((resolve) => hanging.add(resolve));
        const user = fake.tokens.get(body.token);
        if (user === undefined) return respond(401, { error: 'Invalid token', code: 'TOKEN_INVALID' });
        return respond(200, { valid: true, ...user });
      },
      issueToken: () => respond(401, UNAUTHORIZED),
      revokeToken: () => respond(401, UNAUTHORIZED),
    },
    authenticate: { InternalAuth: () => ({ ok: false, status: 401, body: UNAUTHORIZED }) },
  });
  fake.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return fake;
}
