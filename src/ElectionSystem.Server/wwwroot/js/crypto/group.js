// Spec v2 "Group and encodings": ristretto255 through libsodium only.
// An element is a Uint8Array(32) (its canonical encoding) or IDENTITY (null): the identity never
// has an encoding on the wire, but it appears inside computations (g^0, a product that cancels),
// and libsodium's scalarmult refuses to return it, so it is carried as a flag here.
// A scalar is a Uint8Array(32), little-endian, in [0, L-1].
import sodium from './sodium.js';

export const IDENTITY = null;
export const ZERO = new Uint8Array(32);
const HEX = /^[0-9a-f]*$/;

export const toHex = (bytes) => sodium.to_hex(bytes);

/** Lower-case hex of exactly `length` bytes, or null. */
export function fromHex(text, length) {
  if (typeof text !== 'string' || text.length !== 2 * length || !HEX.test(text)) return null;
  return sodium.from_hex(text);
}

export const isIdentity = (p) => p === IDENTITY;
export const isZero = (s) => sodium.is_zero(s);
export const equalBytes = (a, b) => a.length === b.length && sodium.memcmp(a, b);
export const elementsEqual = (p, q) => (p === IDENTITY || q === IDENTITY ? p === q : equalBytes(p, q));

/**
 * Element from the wire: 64 lower-case hex digits of a valid, non-identity encoding; else null.
 * (libsodium's is_valid_point accepts the identity's 32 zero bytes: refused here, as the spec says.)
 */
export function decodeElement(text) {
  const bytes = fromHex(text, 32);
  return bytes && !sodium.is_zero(bytes) && sodium.crypto_core_ristretto255_is_valid_point(bytes) ? bytes : null;
}

export function encodeElement(p) {
  if (p === IDENTITY) throw new Error('the identity has no encoding');
  return toHex(p);
}

/** Is s < L? libsodium's reduction leaves exactly the canonical scalars unchanged. */
export function isCanonicalScalar(s) {
  const wide = new Uint8Array(64);
  wide.set(s);
  return equalBytes(sodium.crypto_core_ristretto255_scalar_reduce(wide), s);
}

/** Scalar from the wire: 64 lower-case hex digits, little-endian, < L; else null. */
export function decodeScalar(text) {
  const bytes = fromHex(text, 32);
  return bytes && isCanonicalScalar(bytes) ? bytes : null;
}

export const encodeScalar = (s) => toHex(s);

/** The integer m (|m| < 2^62) as the scalar m mod L. */
export function intScalar(m) {
  if (!Number.isSafeInteger(m)) throw new Error(`not an integer: ${m}`);
  const bytes = new Uint8Array(32);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(Math.abs(m)), true);
  return m < 0 ? sodium.crypto_core_ristretto255_scalar_negate(bytes) : bytes;
}

export const randomScalar = () => sodium.crypto_core_ristretto255_scalar_random();
export const add = (a, b) => sodium.crypto_core_ristretto255_scalar_add(a, b);
export const sub = (a, b) => sodium.crypto_core_ristretto255_scalar_sub(a, b);
export const mul = (a, b) => sodium.crypto_core_ristretto255_scalar_mul(a, b);
export const negate = (a) => sodium.crypto_core_ristretto255_scalar_negate(a);
export const invert = (a) => sodium.crypto_core_ristretto255_scalar_invert(a);

/** g^s (the identity for s = 0: the group has prime order, so no other s gives it). */
export const gPow = (s) => (isZero(s) ? IDENTITY : sodium.crypto_scalarmult_ristretto255_base(s));

/** x^s. */
export const pow = (x, s) => (x === IDENTITY || isZero(s) ? IDENTITY : sodium.crypto_scalarmult_ristretto255(s, x));

const normal = (p) => (sodium.is_zero(p) ? IDENTITY : p);

/** x · y. */
export function times(x, y) {
  if (x === IDENTITY) return y;
  if (y === IDENTITY) return x;
  return normal(sodium.crypto_core_ristretto255_add(x, y));
}

/** x / y. */
export function over(x, y) {
  if (y === IDENTITY) return x;
  if (x === IDENTITY) return pow(y, negate(intScalar(1)));
  return normal(sodium.crypto_core_ristretto255_sub(x, y));
}

/** g^m for an integer m. */
export const gInt = (m) => gPow(intScalar(m));

export const sha256 = (bytes) => sodium.crypto_hash_sha256(bytes);
export const sha512 = (bytes) => sodium.crypto_hash_sha512(bytes);
export const reduceWide = (bytes64) => sodium.crypto_core_ristretto255_scalar_reduce(bytes64);
