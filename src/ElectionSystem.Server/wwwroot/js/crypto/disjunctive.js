// Spec v2 disjunctive Chaum–Pedersen over [lo, hi] (the 0/1 proof is [0, 1] with its own tag):
// branch j claims log_g A = log_pk (B · g^(−j)). The prover simulates every j ≠ m (random c_j, v_j;
// a_j = g^(v_j) · A^(−c_j), b_j = pk^(v_j) · (B·g^(−j))^(−c_j)), commits a_m = g^w, b_m = pk^w,
// takes c from the transcript (int lo, int hi, A, B, a_lo, b_lo, …, a_hi, b_hi after the opening),
// sets c_m = c − Σ_{j≠m} c_j and v_m = w + c_m·r. The verifier recomputes every (a_j, b_j) and
// accepts iff Σ c_j = c; it refuses a wrong number of branches, non-canonical scalars and any
// recomputed commitment equal to the identity.
import {
  IDENTITY, add, decodeScalar, encodeScalar, equalBytes, gInt, gPow, intScalar, mul, negate, over, pow,
  randomScalar, sub, times,
} from './group.js';
import { proofTranscript } from './transcript.js';

export const ZERO_OR_ONE = 'ElectionSystem/v2/zero-or-one';
export const RANGE = 'ElectionSystem/v2/range';

/** The branch commitments (a_j, b_j) recomputed from (c_j, v_j). */
function simulated(pk, A, B, j, c, v) {
  const minusC = negate(c);
  const a = times(gPow(v), pow(A, minusC));
  const b = times(pow(pk, v), pow(over(B, gInt(j)), minusC));
  return [a, b];
}

function challenge(tag, context, pk, lo, hi, A, B, commitments) {
  const t = proofTranscript(tag, context, pk).int(lo).int(hi).element(A).element(B);
  for (const [a, b] of commitments) t.element(a).element(b);
  return t.challenge();
}

/**
 * Proves that (A, B) = (g^r, g^m · pk^r) with m in [lo, hi]; returns the branches [[c, v], …] as
 * scalars, j = lo … hi. Randomness is drawn in the order the known-answer vectors fix: w, then
 * c_j, v_j of each simulated branch ascending (`random` is libsodium's scalar_random but in tests).
 */
export function prove({ tag, context, pk, A, B, r, m, lo, hi, random = randomScalar }) {
  if (!(lo <= m && m <= hi)) throw new Error(`plaintext ${m} outside [${lo}, ${hi}]`);
  const branches = [];
  const commitments = [];
  const w = random();
  let others = intScalar(0);
  for (let j = lo; j <= hi; j++) {
    if (j === m) {
      branches.push(null);
      commitments.push([gPow(w), pow(pk, w)]);
      continue;
    }
    const c = random();
    const v = random();
    branches.push([c, v]);
    commitments.push(simulated(pk, A, B, j, c, v));
    others = add(others, c);
  }
  const cm = sub(challenge(tag, context, pk, lo, hi, A, B, commitments), others);
  branches[m - lo] = [cm, add(w, mul(cm, r))];
  return branches;
}

/** The branches as the wire's [["<c>", "<v>"], …]. */
export const encodeBranches = (branches) => branches.map(([c, v]) => [encodeScalar(c), encodeScalar(v)]);

/** The wire's branches as scalars, or null if malformed (not pairs of canonical scalars). */
export function decodeBranches(wire) {
  if (!Array.isArray(wire)) return null;
  const out = [];
  for (const pair of wire) {
    if (!Array.isArray(pair) || pair.length !== 2) return null;
    const c = decodeScalar(pair[0]);
    const v = decodeScalar(pair[1]);
    if (!c || !v) return null;
    out.push([c, v]);
  }
  return out;
}

/** Checks a proof (branches as scalars) for (A, B) in [lo, hi]: null if it holds, else why not. */
export function verify({ tag, context, pk, A, B, lo, hi, branches }) {
  if (!branches || branches.length !== hi - lo + 1) return `expected ${hi - lo + 1} branches`;
  if (A === IDENTITY || B === IDENTITY) return 'a ciphertext component is the identity';
  const commitments = [];
  let sum = intScalar(0);
  for (let j = lo; j <= hi; j++) {
    const [c, v] = branches[j - lo];
    const [a, b] = simulated(pk, A, B, j, c, v);
    if (a === IDENTITY || b === IDENTITY) return `branch ${j}: a commitment is the identity`;
    commitments.push([a, b]);
    sum = add(sum, c);
  }
  return equalBytes(sum, challenge(tag, context, pk, lo, hi, A, B, commitments)) ? null : 'the challenges do not add up';
}
