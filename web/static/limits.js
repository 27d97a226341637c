// The limits the server checks (name and chat length, its frame size, each game's bounds), read
// once from /api/limits so the page can explain a mistake before sending it. If they cannot be
// read, the page still works: it checks none of them itself and the server's errors remain the
// truth. So a reader treats a limit it does not find as no limit.

const WAIT_MS = 5000;

/** Resolves to the limits, or to {} when the server did not say (in time); never rejects. */
export async function loadLimits() {
  try {
    const response = await fetch('/api/limits', { signal: AbortSignal.timeout(WAIT_MS) });
    return response.ok ? await response.json() : {};
  } catch {
    return {};
  }
}

/** Caps an input's length at max, when the server said what it is. */
export function capLength(input, max) {
  if (Number.isInteger(max)) input.maxLength = max;
}

/** Whether n lies outside min..max; a bound the server did not say is no bound. */
export function outside(n, min, max) {
  return (min !== undefined && n < min) || (max !== undefined && n > max);
}
