/**
 * Runs `fn` every `intervalMs` until stopped: never two runs at once (a tick
 * that finds the last run still going is skipped), and a run's error goes to
 * `onError` instead of ending the process. Every periodic job of a service
 * (reconciliations, cleanups, checks) runs this way.
 */
export function every(intervalMs: number, fn: () => Promise<unknown>, onError: (err: unknown) => void): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    fn()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  return { stop: () => clearInterval(timer) };
}
