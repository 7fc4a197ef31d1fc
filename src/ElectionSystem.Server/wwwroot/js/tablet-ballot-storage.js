// What a tablet keeps of a secret ballot in localStorage: the pending ballot (until the server
// acknowledges it) and the receipts, each under the delegate's id (the pending one under the round
// too), so that nothing of one delegate is ever sent or shown under another's sign-in.
export const storagePrefix = 'es.ballot.';
export const pendingKey = (delegateId, roundId) => `${storagePrefix}pending.${delegateId}.${roundId}`;
export const receiptsKey = (delegateId) => `${storagePrefix}receipts.${delegateId}`;

const read = (key, fallback) => { try { return JSON.parse(localStorage.getItem(key) || 'null') ?? fallback; } catch { return fallback; } };
export const receipts = (ctx) => (ctx.delegateId() ? read(receiptsKey(ctx.delegateId()), {}) : {});
/** This delegate's pending ballot for the round, never another delegate's. */
export function pending(ctx, roundId) {
  const id = ctx.delegateId();
  const p = id ? read(pendingKey(id, roundId), null) : null;
  return p && p.delegateId === id && p.roundId === roundId ? p : null;
}

const owner = (key) => key.slice(storagePrefix.length).split('.')[1];
const stored = () => Object.keys(localStorage).filter((key) => key.startsWith(storagePrefix));

/** Sign-out: nothing this delegate's tablet kept stays behind for the next person. */
export function forget(delegateId) {
  for (const key of stored()) if (owner(key) === delegateId) localStorage.removeItem(key);
}

/** A sign-in: whatever another delegate left here (a closed page never signed out) is dropped. */
export function forgetOthers(delegateId) {
  for (const key of stored()) if (owner(key) !== delegateId) localStorage.removeItem(key);
}
