// The HTTP API (docs/api.md) as the page uses it: JSON in and out, the session in its cookie,
// and every failure as an ApiError carrying the server's code, message and field.

/** The window event of a request refused for want of a session. */
export const SIGNED_OUT = 'partyline:signed-out';

/** A request the server refused (or could not be reached for: code 'offline'). */
export class ApiError extends Error {
  constructor(status, error) {
    super(error.message || 'Something went wrong.');
    this.status = status;
    this.code = error.code || 'internal_error';
    this.field = error.field;
    this.lines = error.lines;
  }
}

/**
 * Calls `method path` with an optional JSON body (or a Blob/File, sent with its own type) and
 * resolves to the parsed answer (null for 204); rejects with an ApiError. `keepalive` lets the
 * request finish after the page is closed or reloaded (for bodies up to 64 KiB).
 */
export async function api(method, path, body, { keepalive = false } = {}) {
  const init = { method, headers: {}, cache: 'no-store', credentials: 'same-origin', keepalive };
  if (body instanceof Blob) {
    init.body = body;
    init.headers['Content-Type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, { code: 'offline', message: 'The server cannot be reached: check your connection.' });
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(response.status, (data && data.error) || { message: `The server answered ${response.status}.` });
    // The session ended (signed out elsewhere, or expired): whoever shows the account hears of it.
    if (error.code === 'not_signed_in') window.dispatchEvent(new Event(SIGNED_OUT));
    throw error;
  }
  return data;
}
