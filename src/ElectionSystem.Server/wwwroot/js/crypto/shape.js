// Spec v2 ballot shape (what the Domain says a valid ballot of the round is): R rows, K options
// (o_0 = valid, o_k = invalid for reason k), weight w, and Σ x_i − w · o_0 ∈ [lo, hi].
// A plaintext is { rows: [0|1, …], option: k }.

/** The most rows or options (BallotShape.MaxEntries), the widest range and the largest |lo|, |hi| a proof covers (RangeProof). */
export const MAX_ENTRIES = 1000, MAX_WIDTH = 1000, MAX_MAGNITUDE = 2 ** 40;

/**
 * Throws if the shape is not one, by the same test as the server's BallotShape.Validate: integers,
 * 1 ≤ R, K ≤ MAX_ENTRIES, w ≥ 0, lo ≤ hi within ±MAX_MAGNITUDE and hi − lo < MAX_WIDTH.
 */
export function checkShape(shape) {
  const { rows, options, weight, lo, hi } = shape ?? {};
  const ints = [rows, options, weight, lo, hi].every(Number.isSafeInteger);
  const entries = (n) => n >= 1 && n <= MAX_ENTRIES;
  const covered = lo <= hi && lo >= -MAX_MAGNITUDE && hi <= MAX_MAGNITUDE && hi - lo < MAX_WIDTH;
  if (!ints || !entries(rows) || !entries(options) || weight < 0 || !covered) throw new Error(`not a ballot shape: ${JSON.stringify(shape)}`);
}

/** The plaintext's constraint value Σ x_i − w · o_0. */
export const constraintValue = (shape, plaintext) =>
  plaintext.rows.reduce((s, x) => s + x, 0) - (plaintext.option === 0 ? shape.weight : 0);

/** Why the plaintext is not a ballot of the shape, or null. */
export function plaintextProblem(shape, plaintext) {
  const { rows, option } = plaintext ?? {};
  if (!Array.isArray(rows) || rows.length !== shape.rows) return `expected ${shape.rows} rows`;
  if (rows.some((x) => x !== 0 && x !== 1)) return 'every row is 0 or 1';
  if (!Number.isSafeInteger(option) || option < 0 || option >= shape.options) return `option outside 0…${shape.options - 1}`;
  const value = constraintValue(shape, plaintext);
  if (value < shape.lo || value > shape.hi) return `Σ rows − w·valid = ${value} outside [${shape.lo}, ${shape.hi}]`;
  return null;
}
