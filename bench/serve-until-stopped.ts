import type { ListeningLine } from './listening-child.js';

/**
 * The child side of `listening-child.ts`: prints `{"listening": port}` on stdout, then calls `close` and exits
 * 0 (an ordinary exit, so `--cpu-prof` writes its profile) when stdin closes (the suite is done, or died) or
 * on SIGTERM; exits 1 if `close` fails.
 */
export function announceListening(port: number, close: () => Promise<unknown>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ listening: port } satisfies ListeningLine)}\n`);
}
