// Exponential ElGamal: (A, B) = (g^r, g^m · pk^r). Ciphertexts multiply component-wise, so a
// product encrypts the sum of the plaintexts under the sum of the nonces.
import { IDENTITY, gInt, gPow, intScalar, pow, randomScalar, times } from './group.js';

/** Encrypts the integer m under pk with a fresh nonce r: { A, B, r }. */
export function encrypt(pk, m, random = randomScalar) {
  const r = random();
  return { A: gPow(r), B: times(gInt(m), pow(pk, r)), r };
}

/** Π of the ciphertexts (the identity pair for none). */
export function product(ciphertexts) {
  let A = IDENTITY;
  let B = IDENTITY;
  for (const c of ciphertexts) {
    A = times(A, c.A);
    B = times(B, c.B);
  }
  return { A, B };
}

/** (A^s, B^s) for the integer s (may be negative). */
export function power(c, s) {
  const e = intScalar(s);
  return { A: pow(c.A, e), B: pow(c.B, e) };
}
