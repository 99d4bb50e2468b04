import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';

/** A redis-server started for one test file, on a free loopback port, stopped by its own pid. */
export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop`), for outage-and-recovery tests. */
  restart(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (bind to 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(200, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** What to do when there is no redis-server; scripts/run-tests.js says the same before running anything. */
const INSTALL = 'install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis)';

function spawnFailure(command: string, error: NodeJS.ErrnoException): Error {
  if (error.code !== 'ENOENT')
    return new Error(`cannot start ${command}: ${error.message}`, { cause: error });
  return new Error(
    process.env.REDIS_SERVER
      ? `REDIS_SERVER=${command} not found: ${INSTALL}, or point REDIS_SERVER at the binary`
      : `redis-server not found on PATH: ${INSTALL}, or set REDIS_SERVER to its path`,
    { cause: error },
  );
}

/**
 * Starts redis-server (no persistence) on a free port and waits until it answers PING (at most 5 s). The
 * binary is `REDIS_SERVER` when set, else `redis-server` from PATH.
 */
export async function startRedis(): Promise<RedisServer> {
  const command = process.env.REDIS_SERVER || 'redis-server';
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      command,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const spawned = child;
    const failed = new Promise<never>((_, reject) => {
      spawned.once('error', (e) => reject(spawnFailure(command, e)));
      spawned.once('exit', (code, signal) =>
        reject(new Error(`${command} exited (${signal ?? `code ${code}`}) before answering on port ${port}`)),
      );
    });
    for (let i = 0; i < 100; i++) {
      if (await Promise.race([answersPing(port), failed])) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    spawned.kill('SIGKILL');
    throw new Error(`redis-server on port ${port} did not answer within 5 s`);
  };
  const stop = async () => {
    const running = child;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: start };
}
