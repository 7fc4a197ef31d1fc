// Spec v2 "Key ceremony", member side (Joint-Feldman, k of n): member i deals f_i of degree k−1
// (coefficients a_{i,l}), publishes C_{i,l} = g^(a_{i,l}) and sends f_i(j) to member j; j checks
// g^(f_i(j)) = Π_l C_{i,l}^(j^l). x_j = Σ_i f_i(j); pk = Π_i C_{i,0}; K_j = Π_i Π_l C_{i,l}^(j^l).
// Commitments and public values travel as hex; shares (secret) as hex scalars too.
import {
  IDENTITY, add, decodeElement, decodeScalar, elementsEqual, encodeElement, encodeScalar, gPow, intScalar, mul,
  pow, randomScalar, times,
} from './group.js';

/** Member i's dealing for a threshold k: { coefficients (secret), commitments (hex), shareFor(j) (hex) }. */
export function deal(k) {
  if (!Number.isSafeInteger(k) || k < 1) throw new Error(`threshold ${k} is not at least 1`);
  const coefficients = Array.from({ length: k }, () => randomScalar());
  return {
    coefficients,
    commitments: coefficients.map((a) => encodeElement(gPow(a))),
    shareFor: (j) => encodeScalar(evaluate(coefficients, j)),
  };
}

/** f(j) = Σ_l a_l j^l (Horner), for a member index j ≥ 1. */
function evaluate(coefficients, j) {
  checkIndex(j);
  const x = intScalar(j);
  let y = intScalar(0);
  for (let l = coefficients.length - 1; l >= 0; l--) y = add(mul(y, x), coefficients[l]);
  return y;
}

function checkIndex(j) {
  if (!Number.isSafeInteger(j) || j < 1) throw new Error(`member index ${j} is not at least 1`);
}

/** Π_l C_l^(j^l) for one dealer's commitments (decoded). */
function commitmentAt(commitments, j) {
  checkIndex(j);
  const x = intScalar(j);
  let power = intScalar(1);
  let acc = IDENTITY;
  for (const C of commitments) {
    acc = times(acc, pow(C, power));
    power = mul(power, x);
  }
  return acc;
}

function decodeAll(hexes) {
  const out = hexes.map(decodeElement);
  if (out.some((p) => !p)) throw new Error('a commitment is not a valid element');
  return out;
}

/**
 * Does the share (hex) that a dealer with these commitments (hex) sent to member j hold, for a
 * threshold k? A dealer must publish exactly k commitments (more would raise the degree).
 */
export function verifyShare(commitments, threshold, j, share) {
  const s = decodeScalar(share);
  if (!s || !Array.isArray(commitments) || commitments.length !== threshold) return false;
  const decoded = commitments.map(decodeElement);
  if (decoded.some((p) => !p)) return false;
  return elementsEqual(gPow(s), commitmentAt(decoded, j));
}

/** x_j = Σ_i f_i(j) from the shares (hex) member j received, own included. */
export function combineShares(shares) {
  const scalars = shares.map(decodeScalar);
  if (scalars.some((s) => !s)) throw new Error('a share is not a canonical scalar');
  return encodeScalar(scalars.reduce(add, intScalar(0)));
}

/** pk = Π_i C_{i,0} from every qualified dealer's commitments (lists of hex). */
export function publicKey(allCommitments) {
  return encodeElement(allCommitments.map((c) => decodeAll(c)[0]).reduce(times, IDENTITY));
}

/** K_j = Π_i Π_l C_{i,l}^(j^l): member j's public verification key (= g^(x_j)). */
export function verificationKey(allCommitments, j) {
  return encodeElement(allCommitments.map((c) => commitmentAt(decodeAll(c), j)).reduce(times, IDENTITY));
}

/** g^(x_j) as hex: what a member compares with the published K_j. */
export const publicShare = (xj) => encodeElement(gPow(decodeScalar(xj)));
