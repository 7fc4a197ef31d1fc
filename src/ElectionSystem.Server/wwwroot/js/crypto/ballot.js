// Spec v2 "Ballot": encrypts a plaintext { rows: [0|1, …], option: k } for a shape and a round, with
// every proof: each row and option 0/1, the selector (Σ options = 1, range [1, 1]) and the constraint
// (Σ rows − w · option_0 in [lo, hi], on Π rows · option_0^(−w), nonce Σ r_i − w · r_{o_0}).
//   const { ballot, tracker } = encryptBallot({ round: ['1', '7', '1'], pk: '<hex>', shape, plaintext });
//   ballot is the JSON wire form the tablet posts; tracker the delegate's receipt.
// Randomness (libsodium's scalar_random; `random` only for known-answer tests) is drawn in the
// order the vectors fix: r of each row, r of each option, then each proof's (rows, options,
// selector, constraint) w and its simulated branches' c_j, v_j ascending.
import { add, decodeElement, intScalar, mul, randomScalar, sub } from './group.js';
import { encrypt, power, product } from './ciphertext.js';
import { RANGE, ZERO_OR_ONE, prove } from './disjunctive.js';
import { contexts, digest, toWire, tracker } from './ballot-encoding.js';
import { checkShape, constraintValue, plaintextProblem } from './shape.js';

const sum = (scalars) => scalars.reduce(add, intScalar(0));

export function encryptBallot({ round, pk: pkHex, shape, plaintext, random = randomScalar }) {
  checkShape(shape);
  const problem = plaintextProblem(shape, plaintext);
  if (problem) throw new Error(`not a ballot of this round: ${problem}`);
  const pk = decodeElement(pkHex);
  if (!pk) throw new Error('the election public key is not a valid element');

  const options = Array.from({ length: shape.options }, (_, k) => (k === plaintext.option ? 1 : 0));
  const rowCts = plaintext.rows.map((x) => ({ ...encrypt(pk, x, random), m: x }));
  const optionCts = options.map((o) => ({ ...encrypt(pk, o, random), m: o }));
  const H = digest(rowCts, optionCts);
  const ctx = contexts(round, H);
  const zeroOrOne = (c, context) => ({
    A: c.A, B: c.B, proof: prove({ tag: ZERO_OR_ONE, context, pk, A: c.A, B: c.B, r: c.r, m: c.m, lo: 0, hi: 1, random }),
  });
  const rows = rowCts.map((c, i) => zeroOrOne(c, ctx.row(i)));
  const optionProofs = optionCts.map((c, k) => zeroOrOne(c, ctx.option(k)));

  const selectorCt = product(optionCts);
  const selector = prove({
    tag: RANGE, context: ctx.selector, pk, ...selectorCt, r: sum(optionCts.map((c) => c.r)), m: 1, lo: 1, hi: 1, random,
  });

  const valid = optionCts[0];
  const constraintCt = product([product(rowCts), power(valid, -shape.weight)]);
  const constraintNonce = sub(sum(rowCts.map((c) => c.r)), mul(intScalar(shape.weight), valid.r));
  const constraint = prove({
    tag: RANGE, context: ctx.constraint, pk, ...constraintCt, r: constraintNonce,
    m: constraintValue(shape, plaintext), lo: shape.lo, hi: shape.hi, random,
  });

  const decoded = { rows, options: optionProofs, selector, constraint };
  return { ballot: toWire(decoded), tracker: tracker(decoded), digest: H };
}
