// Test harness: imported in the page by CryptoPage.RunAsync; each export returns plain JSON data,
// and the C# tests assert on it. Nothing here is served by the hall itself.
import * as group from '/js/crypto/group.js';
import { Transcript, proofTranscript } from '/js/crypto/transcript.js';
import { encryptBallot } from '/js/crypto/ballot.js';
import { verifyBallot } from '/js/crypto/ballot-verify.js';
import * as dkg from '/js/crypto/dkg.js';
import * as decryption from '/js/crypto/decryption.js';
import { encrypt, product } from '/js/crypto/ciphertext.js';
import { ZERO_OR_ONE, encodeBranches, prove, verify as verifyDisjunctive } from '/js/crypto/disjunctive.js';
import { canonicalEncoding, fromWire } from '/js/crypto/ballot-encoding.js';
import { openShareFile, sealShareFile } from '/js/crypto/share-file.js';

/** The spec's three example shapes (the Domain decides; these are the cases both sides test). */
const examples = {
  /** A list with surplus: n names, s seats; options valid, too-many-kept (2), all-struck (3). */
  surplus: (n, s) => ({ rows: n, options: 3, weight: s, lo: 1 - s, hi: 0 }),
  /** One candidate, no surplus: the "đồng ý" box; options valid, neither-or-both (5). */
  single: () => ({ rows: 1, options: 2, weight: 1, lo: -1, hi: 0 }),
  /** n = s > 1, no surplus: n "đồng ý" boxes; option valid only. */
  noSurplus: (n) => ({ rows: n, options: 1, weight: n, lo: -n, hi: 0 }),
};

const attempt = (f) => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: String(e.message ?? e) };
  }
};

export function encodings() {
  const g1 = group.gInt(1);
  const g1Hex = group.encodeElement(g1);
  return {
    g1: g1Hex,
    g2: group.encodeElement(group.times(g1, g1)),
    g2ByScalar: group.encodeElement(group.gInt(2)),
    g0IsIdentity: group.isIdentity(group.gInt(0)),
    g0Encodes: attempt(() => group.encodeElement(group.gInt(0))).error === undefined,
    gMinus1TimesG1IsIdentity: group.isIdentity(group.times(group.gInt(-1), g1)),
    decodes: {
      g1: group.decodeElement(g1Hex) !== null,
      upper: group.decodeElement(g1Hex.toUpperCase()) !== null,
      identity: group.decodeElement('00'.repeat(32)) !== null,
      short: group.decodeElement(g1Hex.slice(2)) !== null,
      notAPoint: group.decodeElement('ff'.repeat(32)) !== null,
    },
    scalars: {
      minus1: group.encodeScalar(group.intScalar(-1)),
      five: group.encodeScalar(group.intScalar(5)),
      minus5PlusFive: group.encodeScalar(group.add(group.intScalar(-5), group.intScalar(5))),
    },
    items: {
      minus1: group.toHex(new Transcript().int(-1).bytes()),
      three: group.toHex(new Transcript().int(3).bytes()),
      text: group.toHex(new Transcript().text('đồng ý').bytes()),
      element: group.toHex(new Transcript().element(g1).bytes()),
      scalar: group.toHex(new Transcript().scalar(group.intScalar(1)).bytes()),
    },
  };
}

export function decodeScalars(texts) {
  return texts.map((t) => group.decodeScalar(t) !== null);
}

/** The opening of a 0/1 proof for context ["7", "ballot"] and pk = g, with its challenge. */
export function transcript() {
  const t = proofTranscript('ElectionSystem/v2/zero-or-one', ['7', 'ballot'], group.gInt(1)).int(0).int(1);
  return { bytes: group.toHex(t.bytes()), challenge: group.encodeScalar(t.challenge()) };
}

/** A key for tests: one dealer, threshold 1 (x = its only coefficient). */
export function testKey() {
  const d = dkg.deal(1);
  return dkg.publicKey([d.commitments]);
}

export const shapes = { surplus: examples.surplus(13, 11), single: examples.single(), noSurplus: examples.noSurplus(3) };

/** Encrypts each case { shape, plaintext } and verifies it; the tracker of each side. */
export function roundTrips(cases) {
  const round = ['1', '2', '1'];
  const pk = testKey();
  return cases.map(({ shape, plaintext }) => {
    const s = typeof shape === 'string' ? shapes[shape] : shape;
    const made = attempt(() => encryptBallot({ round, pk, shape: s, plaintext }));
    if (made.error) return { refused: made.error };
    const checked = verifyBallot({ round, pk, shape: s, ballot: made.value.ballot });
    return { ...checked, encryptedTracker: made.value.tracker, branches: made.value.ballot.constraint.length };
  });
}

const clone = (x) => JSON.parse(JSON.stringify(x));

/** One valid ballot, then each one-part change to it, verified: { name: failure | null }. */
export function tampering() {
  const round = ['1', '2', '1'];
  const pk = testKey();
  const shape = shapes.surplus;
  const plaintext = { rows: [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], option: 0 };
  const { ballot } = encryptBallot({ round, pk, shape, plaintext });
  const other = encryptBallot({ round, pk, shape, plaintext }).ballot;
  const changes = {
    untouched: (b) => b,
    rowCiphertext: (b) => { b.rows[3].b = other.rows[3].b; },
    rowsSwapped: (b) => { [b.rows[0], b.rows[1]] = [b.rows[1], b.rows[0]]; },
    rowProof: (b) => { b.rows[2].proof[0][0] = other.rows[2].proof[0][0]; },
    optionProof: (b) => { b.options[1].proof = other.options[1].proof; },
    selector: (b) => { b.selector = other.selector; },
    constraintBranch: (b) => { b.constraint[4][1] = other.constraint[4][1]; },
    constraintDropped: (b) => { b.constraint.pop(); },
    rowDropped: (b) => { b.rows.pop(); },
    upperCase: (b) => { b.rows[0].a = b.rows[0].a.toUpperCase(); },
    nonCanonical: (b) => { b.rows[0].proof[0][1] = 'edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010'; },
    identity: (b) => { b.options[0].a = '00'.repeat(32); },
  };
  const out = {};
  for (const [name, change] of Object.entries(changes)) {
    const b = clone(ballot);
    change(b);
    out[name] = verifyBallot({ round, pk, shape, ballot: b }).failure ?? null;
  }
  out.otherRound = verifyBallot({ round: ['1', '2', '2'], pk, shape, ballot }).failure ?? null;
  out.otherKey = verifyBallot({ round, pk: testKey(), shape, ballot }).failure ?? null;
  out.otherShape = verifyBallot({ round, pk, shape: examples.surplus(13, 10), ballot }).failure ?? null;
  return out;
}

const hexTotal = (c) => ({ a: group.encodeElement(c.A), b: group.encodeElement(c.B) });
const decodeCt = (c) => ({ A: group.decodeElement(c.a), B: group.decodeElement(c.b) });

/**
 * A k-of-n ceremony among n simulated members in the page, the ballots (plaintexts) encrypted to its
 * key and verified, their totals per row and option, and each set of trustees' partial decryptions
 * (verified) combined to counts.
 */
export function ceremony({ n, k, shape, plaintexts, trusteeSets }) {
  const round = ['1', '9', '1'];
  const dealings = Array.from({ length: n }, () => dkg.deal(k));
  const all = dealings.map((d) => d.commitments);
  const members = [];
  for (let j = 1; j <= n; j++) {
    const received = dealings.map((d) => d.shareFor(j));
    const share = dkg.combineShares(received);
    const verificationKey = dkg.verificationKey(all, j);
    members.push({
      j, share, verificationKey,
      sharesHold: received.every((s, i) => dkg.verifyShare(dealings[i].commitments, k, j, s)),
      keyMatches: dkg.publicShare(share) === verificationKey,
    });
  }
  const pk = dkg.publicKey(all);
  const wrongShareHolds = dkg.verifyShare(dealings[1].commitments, k, 4, dealings[1].shareFor(3));
  const extra = dkg.deal(k + 1);
  const higherDegreeHolds = dkg.verifyShare(extra.commitments, k, 4, extra.shareFor(4));

  const ballots = plaintexts.map((plaintext) => encryptBallot({ round, pk, shape, plaintext }).ballot);
  const allValid = ballots.every((ballot) => verifyBallot({ round, pk, shape, ballot }).valid);
  const totals = [
    ...Array.from({ length: shape.rows }, (_, i) => ({ what: ['row', i], total: hexTotal(product(ballots.map((b) => decodeCt(b.rows[i])))) })),
    ...Array.from({ length: shape.options }, (_, o) => ({ what: ['option', o], total: hexTotal(product(ballots.map((b) => decodeCt(b.options[o])))) })),
  ];
  const decrypt = (trustees) => {
    let proofsHold = true;
    const counts = totals.map(({ what, total }) => {
      const partials = trustees.map((j) => {
        const m = members[j - 1];
        const context = decryption.tallyContext(round, what, j);
        const partial = decryption.partialDecrypt({ context, trustee: j, share: m.share, verificationKey: m.verificationKey, total });
        proofsHold &&= decryption.verifyPartial({ context, verificationKey: m.verificationKey, total, partial }) === null;
        return partial;
      });
      return decryption.combineToCount(total, partials);
    });
    return { trustees, proofsHold, counts };
  };

  // One partial decryption checked where it does not belong.
  const { total } = totals[0];
  const context = decryption.tallyContext(round, ['row', 0], 1);
  const partial = decryption.partialDecrypt({ context, trustee: 1, share: members[0].share, verificationKey: members[0].verificationKey, total });
  const forged = { ...partial, d: group.encodeElement(group.times(group.decodeElement(partial.d), group.gInt(1))) };
  const partialChecks = {
    own: decryption.verifyPartial({ context, verificationKey: members[0].verificationKey, total, partial }),
    otherMembersKey: decryption.verifyPartial({ context, verificationKey: members[1].verificationKey, total, partial }),
    otherContext: decryption.verifyPartial({ context: decryption.tallyContext(round, ['row', 1], 1), verificationKey: members[0].verificationKey, total, partial }),
    otherTotal: decryption.verifyPartial({ context, verificationKey: members[0].verificationKey, total: totals[1].total, partial }),
    changedD: decryption.verifyPartial({ context, verificationKey: members[0].verificationKey, total, partial: forged }),
  };
  return {
    members: members.map(({ j, sharesHold, keyMatches }) => ({ j, sharesHold, keyMatches })),
    everyoneSamePk: dkg.publicKey([...all].reverse()) === pk,
    wrongShareHolds, higherDegreeHolds, allValid, partialChecks,
    results: trusteeSets.map(decrypt),
  };
}

/** A member's share file: sealed, reopened, refused with a wrong passphrase or a changed public part. */
export function shareFile({ passphrase, wrong }) {
  const d = dkg.deal(2);
  const share = dkg.combineShares([d.shareFor(3)]);
  const data = { index: 3, threshold: 3, members: 5, publicKey: dkg.publicKey([d.commitments]), verificationKey: dkg.verificationKey([d.commitments], 3), share };
  const file = sealShareFile(data, passphrase);
  const text = JSON.stringify(file);
  const reopened = openShareFile(JSON.parse(text), passphrase);
  const moved = { ...JSON.parse(text), index: 4 };
  return {
    fileHoldsShare: text.includes(share),
    fileHoldsPassphrase: text.includes(passphrase),
    kdf: file.kdf,
    reopened: reopened.share ?? null,
    original: data,
    wrong: openShareFile(JSON.parse(text), wrong).failure ?? null,
    movedIndex: openShareFile(moved, passphrase).failure ?? null,
    tooManyOps: openShareFile({ ...JSON.parse(text), kdf: { ...file.kdf, opsLimit: 11 } }, passphrase).failure ?? null,
    tooMuchMemory: openShareFile({ ...JSON.parse(text), kdf: { ...file.kdf, memLimit: 2 ** 31 } }, passphrase).failure ?? null,
    tooWeak: openShareFile({ ...JSON.parse(text), kdf: { ...file.kdf, opsLimit: 1 } }, passphrase).failure ?? null,
  };
}

/** Encrypt + prove a surplus-list ballot of n names and s seats: each run's milliseconds (warm-up first). */
export function benchmark({ names, seats, runs }) {
  const pk = testKey();
  const shape = examples.surplus(names, seats);
  const rows = Array.from({ length: names }, (_, i) => (i < seats ? 1 : 0));
  const once = () => {
    const t0 = performance.now();
    const { ballot } = encryptBallot({ round: ['1', '2', '1'], pk, shape, plaintext: { rows, option: 0 } });
    const ms = performance.now() - t0;
    const t1 = performance.now();
    const valid = verifyBallot({ round: ['1', '2', '1'], pk, shape, ballot }).valid;
    return { ms, verifyMs: performance.now() - t1, valid };
  };
  once();
  return Array.from({ length: runs }, once);
}

/**
 * The known-answer vectors (tests/ElectionSystem.Crypto.Tests/vectors/v2.json, made by the C# side)
 * recomputed here from their inputs only; the C# test compares every output with the file.
 */
export function vectors(v) {
  const scalar = (hex) => group.decodeScalar(hex);
  const queue = (hexes) => {
    const list = hexes.map(scalar);
    return () => {
      if (list.length === 0) throw new Error('more randomness drawn than the vector holds');
      return list.shift();
    };
  };
  const g = group.gInt(1);
  const t = proofTranscript(v.transcript.tag, v.transcript.context, group.decodeElement(v.transcript.public_key));
  for (const item of v.transcript.items) {
    if ('int' in item) t.int(item.int);
    else if ('text' in item) t.text(item.text);
    else if ('element' in item) t.element(group.decodeElement(item.element));
    else t.scalar(scalar(item.scalar));
  }
  const pkBytes = group.gPow(scalar(v.key.secret));
  const pk = group.encodeElement(pkBytes);

  const z = v.zero_or_one;
  const ct = encryptCiphertext(pkBytes, z.m, scalar(z.r));
  const random = queue(z.nonces);
  const proof = proveZeroOrOne({ context: z.context, pk: pkBytes, ...ct, r: scalar(z.r), m: z.m, random });

  const b = v.ballot;
  const made = encryptBallot({
    round: b.round, pk, shape: b.shape, plaintext: { rows: b.rows, option: b.options.indexOf(1) }, random: queue(b.nonces),
  });
  const read = fromWire(made.ballot, b.shape);
  return {
    group: {
      g: group.encodeElement(g),
      g2: group.encodeElement(group.gInt(2)),
      g3: group.encodeElement(group.gInt(3)),
      integer_scalars: v.group.integer_scalars.map(({ m }) => ({ m, scalar: group.encodeScalar(group.intScalar(m)) })),
    },
    transcript: { bytes: group.toHex(t.bytes()), challenge: group.encodeScalar(t.challenge()) },
    key: { public: pk },
    zero_or_one: {
      a: group.encodeElement(ct.A),
      b: group.encodeElement(ct.B),
      proof: encodeBranches(proof),
      challenge: group.encodeScalar(group.add(proof[0][0], proof[1][0])),
      verifies: verifyDisjunctive({ tag: ZERO_OR_ONE, context: z.context, pk: pkBytes, ...ct, lo: 0, hi: 1, branches: proof }) === null,
    },
    ballot: {
      digest: made.digest,
      canonical_encoding: group.toHex(canonicalEncoding(read.ballot)),
      tracker: made.tracker,
      json: JSON.stringify(made.ballot),
      verifies: verifyBallot({ round: b.round, pk, shape: b.shape, ballot: JSON.parse(b.json) }).valid,
    },
  };
}

const encryptCiphertext = (pk, m, r) => { const c = encrypt(pk, m, () => r); return { A: c.A, B: c.B }; };
const proveZeroOrOne = (args) => prove({ tag: ZERO_OR_ONE, lo: 0, hi: 1, ...args });

/** Encrypts one ballot ({ round, pk, shape, plaintext }) for the C# side to check. */
export const encryptOne = (args) => encryptBallot(args);

/** Verifies one ballot ({ round, pk, shape, ballot }) made by the C# side. */
export const verifyOne = (args) => verifyBallot(args);

/** Member j's partial decryption of a total (from the C# side), and g^(x_j) to compare with K_j. */
export function partialDecryptOne({ round, what, trustee, share, verificationKey, total }) {
  const context = decryption.tallyContext(round, what, trustee);
  return {
    publicShare: dkg.publicShare(share),
    partial: decryption.partialDecrypt({ context, trustee, share, verificationKey, total }),
  };
}

/** A dealing made in the page (threshold k) with its shares for members 1…n and the public values. */
export function dealOne({ k, n }) {
  const d = dkg.deal(k);
  const members = Array.from({ length: n }, (_, i) => i + 1);
  return {
    commitments: d.commitments,
    shares: members.map((j) => d.shareFor(j)),
    publicKey: dkg.publicKey([d.commitments]),
    verificationKeys: members.map((j) => dkg.verificationKey([d.commitments], j)),
  };
}

/** Interop: opens a share file sealed elsewhere (C#), and seals one for C# to open. */
export function shareFileInterop({ file, passphrase, wrong, seal }) {
  const opened = openShareFile(file, passphrase);
  return {
    opened: opened.share ?? null,
    failure: opened.failure ?? null,
    wrong: openShareFile(file, wrong).failure ?? null,
    sealed: sealShareFile(seal, passphrase),
  };
}
