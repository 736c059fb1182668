// Fetching `src` documents: abortable, with a timeout, and shared: several widgets asking for the
// same URL at the same time get one request. Each caller has its own AbortSignal; the request is
// aborted only when every caller has let go, so one widget changing its src never breaks another.
import type { Issue } from '../engine/types.js';

export class LoadError extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

interface Shared {
  promise: Promise<unknown>;
  controller: AbortController;
  users: number;
}

const inflight = new Map<string, Shared>();

/** Live resources, for leak tests: requests in flight. */
export const loaderStats = {
  get inflight(): number {
    return inflight.size;
  },
};

const issue = (code: string, message: string): LoadError => new LoadError({ path: [], code, message });

async function request(url: string, shown: string, signal: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    // no-cache: revalidate, so a refresh never gets a copy the HTTP cache kept
    res = await fetch(url, {
      signal,
      cache: 'no-cache',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch (err) {
    if (signal.aborted) throw signal.reason;
    throw issue('network', `Could not load ${shown}: the network request failed (${(err as Error).message || err}).`);
  }
  if (!res.ok) {
    throw issue(
      'http',
      `Could not load ${shown}: the server answered ${res.status}${res.statusText ? ' ' + res.statusText : ''}.`,
    );
  }
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch (err) {
    throw issue('json', `${shown} is not valid JSON: ${(err as Error).message}.`);
  }
}

/**
 * Fetch and parse the JSON document at `src`. Rejects with a LoadError (its `issue` is what the
 * widget shows) on a network error, a non-2xx answer, invalid JSON or after `timeoutMs`; rejects
 * with the signal's reason when the caller aborts.
 */
export function loadJson(src: string, signal: AbortSignal, timeoutMs = 15000): Promise<unknown> {
  let url: string;
  try {
    url = new URL(src, document.baseURI).href;
  } catch {
    return Promise.reject(issue('src', `src "${src}" is not a valid URL.`));
  }
  if (signal.aborted) return Promise.reject(signal.reason);
  let shared = inflight.get(url);
  if (!shared) {
    const controller = new AbortController();
    const entry: Shared = { controller, users: 0, promise: request(url, `"${src}"`, controller.signal) };
    // the map entry lives only while the request runs: a refresh later makes a new request
    entry.promise.then(
      () => inflight.get(url) === entry && inflight.delete(url),
      () => inflight.get(url) === entry && inflight.delete(url),
    );
    inflight.set(url, entry);
    shared = entry;
  }
  const s = shared;
  s.users++;
  return new Promise<unknown>((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (--s.users === 0 && inflight.get(url) === s) {
        // nobody else waits: stop the request (a no-op when it has settled)
        inflight.delete(url);
        s.controller.abort();
      }
    };
    const onAbort = () => {
      if (done) return;
      finish();
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      const secs = Math.round(timeoutMs / 100) / 10;
      reject(issue('timeout', `Loading "${src}" timed out after ${secs} s; the server did not answer.`));
    }, timeoutMs);
    signal.addEventListener('abort', onAbort);
    s.promise.then(
      (v) => {
        if (done) return;
        finish();
        resolve(v);
      },
      (e) => {
        if (done) return;
        finish();
        reject(e);
      },
    );
  });
}
