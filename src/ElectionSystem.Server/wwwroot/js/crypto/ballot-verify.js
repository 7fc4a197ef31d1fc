// Spec v2: checks a ballot's JSON wire form for a shape, a round and the election key: every row and
// option 0/1, the selector over [1, 1] on Π options, the constraint over [lo, hi] on
// Π rows · option_0^(−w). What the server does before it acknowledges, and what a member's screen
// or a delegate's check can run.
//   verifyBallot({ round, pk, shape, ballot }) → { valid: true, tracker } | { valid: false, failure }
import { decodeElement } from './group.js';
import { power, product } from './ciphertext.js';
import { RANGE, ZERO_OR_ONE, verify } from './disjunctive.js';
import { contexts, digest, fromWire, tracker } from './ballot-encoding.js';
import { checkShape } from './shape.js';

const refused = (failure) => ({ valid: false, failure });

export function verifyBallot({ round, pk: pkHex, shape, ballot: wire }) {
  checkShape(shape);
  const pk = decodeElement(pkHex);
  if (!pk) return refused('the election public key is not a valid element');
  const read = fromWire(wire, shape);
  if (read.failure) return refused(read.failure);
  const ballot = read.ballot;
  const ctx = contexts(round, digest(ballot.rows, ballot.options));

  const zeroOrOne = (c, context) => verify({ tag: ZERO_OR_ONE, context, pk, A: c.A, B: c.B, lo: 0, hi: 1, branches: c.proof });
  for (let i = 0; i < ballot.rows.length; i++) {
    const why = zeroOrOne(ballot.rows[i], ctx.row(i));
    if (why) return refused(`row ${i}: ${why}`);
  }
  for (let k = 0; k < ballot.options.length; k++) {
    const why = zeroOrOne(ballot.options[k], ctx.option(k));
    if (why) return refused(`option ${k}: ${why}`);
  }
  const selector = product(ballot.options);
  const whySelector = verify({ tag: RANGE, context: ctx.selector, pk, ...selector, lo: 1, hi: 1, branches: ballot.selector });
  if (whySelector) return refused(`selector: ${whySelector}`);
  const constraint = product([product(ballot.rows), power(ballot.options[0], -shape.weight)]);
  const whyConstraint = verify({
    tag: RANGE, context: ctx.constraint, pk, ...constraint, lo: shape.lo, hi: shape.hi, branches: ballot.constraint,
  });
  if (whyConstraint) return refused(`constraint: ${whyConstraint}`);
  return { valid: true, tracker: tracker(ballot) };
}
