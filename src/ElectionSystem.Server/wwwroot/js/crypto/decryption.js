// Spec v2 "Decryption": member j's partial decryption D_j = A^(x_j) of a total (A, B), with its
// Chaum–Pedersen proof (tag ElectionSystem/v2/decryption, public key K_j, then A, B, D, a, b;
// a = g^w, b = A^w, v = w + c·x_j), the context round…, "tally", <what…>, "trustee", j.
// Combining k of them: g^m = B · Π D_j^(−λ_j), λ_j = Π_{m≠j} m/(m−j) mod L, then m by
// baby-step giant-step up to 100,000.
// A total is { a, b } (hex); a partial decryption is { trustee: j, d, proof: [c, v] } (hex).
import {
  IDENTITY, add, decodeElement, decodeScalar, elementsEqual, encodeElement, encodeScalar, equalBytes, gPow,
  intScalar, invert, mul, negate, pow, randomScalar, sub, times,
} from './group.js';
import { proofTranscript } from './transcript.js';
import { discreteLog } from './discrete-log.js';

export const DECRYPTION = 'ElectionSystem/v2/decryption';

/** The context of a partial decryption: round…, "tally", what…, "trustee", j (texts). */
export const tallyContext = (round, what, j) => [...round, 'tally', ...what.map(String), 'trustee', String(j)];

const challenge = (context, K, A, B, D, a, b) =>
  proofTranscript(DECRYPTION, context, K).element(A).element(B).element(D).element(a).element(b).challenge();

function decodeTotal(total) {
  const A = decodeElement(total?.a);
  const B = decodeElement(total?.b);
  if (!A || !B) throw new Error('the total is not a pair of valid elements');
  return { A, B };
}

/** Member j's partial decryption of a total with x_j (hex), K_j (hex) and the proof's context. */
export function partialDecrypt({ context, trustee, share, verificationKey, total }) {
  const x = decodeScalar(share);
  const K = decodeElement(verificationKey);
  if (!x || !K) throw new Error('the share or the verification key is malformed');
  const { A, B } = decodeTotal(total);
  const D = pow(A, x);
  const w = randomScalar();
  const c = challenge(context, K, A, B, D, gPow(w), pow(A, w));
  return { trustee, d: encodeElement(D), proof: [encodeScalar(c), encodeScalar(add(w, mul(c, x)))] };
}

/** Checks a partial decryption against K_j (hex): null if it holds, else why not. */
export function verifyPartial({ context, verificationKey, total, partial }) {
  const K = decodeElement(verificationKey);
  if (!K) return 'the verification key is not a valid element';
  const A = decodeElement(total?.a);
  const B = decodeElement(total?.b);
  if (!A || !B) return 'the total is not a pair of valid elements';
  const D = decodeElement(partial?.d);
  if (!D) return 'D is not a valid element';
  if (!Array.isArray(partial.proof) || partial.proof.length !== 2) return 'the proof is not [c, v]';
  const c = decodeScalar(partial.proof[0]);
  const v = decodeScalar(partial.proof[1]);
  if (!c || !v) return 'the proof is not two canonical scalars';
  const minusC = negate(c);
  const a = times(gPow(v), pow(K, minusC));
  const b = times(pow(A, v), pow(D, minusC));
  if (a === IDENTITY || b === IDENTITY) return 'a commitment is the identity';
  return equalBytes(challenge(context, K, A, B, D, a, b), c) ? null : 'the proof does not hold';
}

/** λ_j for the set of trustee indices taking part: one inversion, as ThresholdDecryption.LagrangeAtZero. */
export function lagrange(j, indices) {
  let numerator = intScalar(1);
  let denominator = intScalar(1);
  for (const m of indices) {
    if (m === j) continue;
    numerator = mul(numerator, intScalar(m));
    denominator = mul(denominator, sub(intScalar(m), intScalar(j)));
  }
  return mul(numerator, invert(denominator));
}

/** g^m of a total from k (or more) partial decryptions { trustee, d }: an element (null = identity). */
export function combine(total, partials) {
  const { B } = decodeTotal(total);
  const indices = partials.map((p) => p.trustee);
  if (new Set(indices).size !== indices.length) throw new Error('a trustee appears twice');
  let gm = B;
  for (const p of partials) {
    const D = decodeElement(p.d);
    if (!D) throw new Error(`trustee ${p.trustee}: D is not a valid element`);
    gm = times(gm, pow(D, negate(lagrange(p.trustee, indices))));
  }
  return gm;
}

/** The count m of a total from k partial decryptions (null if not in [0, bound]). */
export const combineToCount = (total, partials, bound = 100_000) => discreteLog(combine(total, partials), bound);

/** Is g^m (from combine) the identity or equal to the expected g^m? (a helper for tests and screens) */
export const isGPower = (gm, m) => elementsEqual(gm, gPow(intScalar(m)));
