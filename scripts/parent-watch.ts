// Noticing that the process that started us is gone: `make dev` under `timeout`, a closed terminal or a killed
// launcher must not leave services running. Node has no "parent died" signal, so the parent pid is polled.

/** Calls `onGone` once when this process's parent exits (it is then re-parented); polls every `everyMs`. */
export function watchParent(onGone: () => void, everyMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
}
