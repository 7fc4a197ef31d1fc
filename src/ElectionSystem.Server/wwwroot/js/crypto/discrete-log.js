// m from g^m for 0 ≤ m ≤ bound, by baby-step giant-step: a table of g^i for i < n = ⌈√(bound+1)⌉,
// then y · g^(−n·t) for t = 0, 1, … until it meets the table. The identity (m = 0) is its own key.
import { IDENTITY, gPow, intScalar, over, times, toHex } from './group.js';

const key = (p) => (p === IDENTITY ? 'identity' : toHex(p));
const tables = new Map();

function babySteps(n) {
  if (!tables.has(n)) {
    const table = new Map();
    let p = IDENTITY;
    const g = gPow(intScalar(1));
    for (let i = 0; i < n; i++) {
      table.set(key(p), i);
      p = times(p, g);
    }
    tables.set(n, table);
  }
  return tables.get(n);
}

/** m with g^m = y and 0 ≤ m ≤ bound, or null. */
export function discreteLog(y, bound = 100_000) {
  const n = Math.ceil(Math.sqrt(bound + 1));
  const table = babySteps(n);
  const giant = gPow(intScalar(n));
  let p = y;
  for (let t = 0; t * n <= bound; t++) {
    const i = table.get(key(p));
    if (i !== undefined && t * n + i <= bound) return t * n + i;
    p = over(p, giant);
  }
  return null;
}
