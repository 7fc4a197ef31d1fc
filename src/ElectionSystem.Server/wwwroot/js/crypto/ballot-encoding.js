// Spec v2 "Ballot": the digest H that binds every proof to the whole ballot, each proof's context,
// the canonical encoding whose SHA-256 is the tracker, and the JSON wire form read back strictly.
// A decoded ballot: { rows: [{ A, B, proof }], options: [{ A, B, proof }], selector, constraint },
// elements as bytes, every proof a list of [c, v] scalars.
import { decodeElement, encodeElement, sha256, toHex } from './group.js';
import { decodeBranches, encodeBranches } from './disjunctive.js';
import { Transcript } from './transcript.js';

/** H: lower-case hex SHA-256 of item(tag) ‖ item(int R) ‖ item(int K) ‖ A, B of every row then option. */
export function digest(rows, options) {
  const t = new Transcript().text('ElectionSystem/v2/ballot-ciphertexts').int(rows.length).int(options.length);
  for (const c of [...rows, ...options]) t.element(c.A).element(c.B);
  return toHex(sha256(t.bytes()));
}

/** The contexts of a ballot's proofs: round…, "ballot", H, then what the proof is about. */
export const contexts = (round, H) => ({
  row: (i) => [...round, 'ballot', H, 'row', String(i)],
  option: (k) => [...round, 'ballot', H, 'option', String(k)],
  selector: [...round, 'ballot', H, 'selector'],
  constraint: [...round, 'ballot', H, 'constraint'],
});

/** The tracker: lower-case hex SHA-256 of the canonical encoding of a decoded ballot. */
export const tracker = (ballot) => toHex(sha256(canonicalEncoding(ballot)));

/** The canonical encoding (bytes) of a decoded ballot. */
export function canonicalEncoding(ballot) {
  const t = new Transcript().text('ElectionSystem/v2/ballot').int(ballot.rows.length);
  const ciphertext = (c) => {
    t.element(c.A).element(c.B);
    for (const [cj, vj] of c.proof) t.scalar(cj).scalar(vj);
  };
  const branches = (list) => {
    t.int(list.length);
    for (const [c, v] of list) t.scalar(c).scalar(v);
  };
  ballot.rows.forEach(ciphertext);
  t.int(ballot.options.length);
  ballot.options.forEach(ciphertext);
  branches(ballot.selector);
  branches(ballot.constraint);
  return t.bytes();
}

/** The JSON wire form of a decoded ballot. */
export function toWire(ballot) {
  const ciphertext = (c) => ({ a: encodeElement(c.A), b: encodeElement(c.B), proof: encodeBranches(c.proof) });
  return {
    rows: ballot.rows.map(ciphertext),
    options: ballot.options.map(ciphertext),
    selector: encodeBranches(ballot.selector),
    constraint: encodeBranches(ballot.constraint),
  };
}

function fromWireCiphertext(wire, what) {
  if (wire === null || typeof wire !== 'object') return `${what}: not an object`;
  const A = decodeElement(wire.a);
  const B = decodeElement(wire.b);
  if (!A || !B) return `${what}: a ciphertext component is not a valid element`;
  const proof = decodeBranches(wire.proof);
  if (!proof) return `${what}: the proof is not a list of [c, v] canonical scalars`;
  if (proof.length !== 2) return `${what}: the proof has ${proof.length} branches, expected 2`;
  return { A, B, proof };
}

/**
 * The wire form read for a shape: { ballot } or { failure } (the first thing wrong, in words).
 * Counts are checked here; proofs are checked by ballot-verify.js.
 */
export function fromWire(wire, shape) {
  if (wire === null || typeof wire !== 'object') return { failure: 'the ballot is not an object' };
  if (!Array.isArray(wire.rows) || wire.rows.length !== shape.rows) return { failure: `expected ${shape.rows} rows` };
  if (!Array.isArray(wire.options) || wire.options.length !== shape.options) return { failure: `expected ${shape.options} options` };
  const rows = [];
  const options = [];
  for (const [list, out, name] of [[wire.rows, rows, 'row'], [wire.options, options, 'option']]) {
    for (let i = 0; i < list.length; i++) {
      const c = fromWireCiphertext(list[i], `${name} ${i}`);
      if (typeof c === 'string') return { failure: c };
      out.push(c);
    }
  }
  const selector = decodeBranches(wire.selector);
  if (!selector) return { failure: 'selector: the proof is not a list of [c, v] canonical scalars' };
  const constraint = decodeBranches(wire.constraint);
  if (!constraint) return { failure: 'constraint: the proof is not a list of [c, v] canonical scalars' };
  return { ballot: { rows, options, selector, constraint } };
}
