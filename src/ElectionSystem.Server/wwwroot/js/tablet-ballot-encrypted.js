// An encrypted round on the tablet (issue 14; docs/verifiable-ballot.md "Encrypted round — the tablet").
// The ballot's `encryption` carries the proof context, the joint key pk, the shape and the Domain's
// layout (rows = candidate ids in ballot order, options = valid then each invalid reason with its
// Vietnamese explanation, w, [lo, hi]). The choice never leaves the tablet in the clear: the page
// reads from the layout whether the marks make an invalid ballot and which option it is, encrypts
// (exponential ElGamal + proofs, js/crypto) and sends the wire JSON. The receipt is the tracker (mã
// theo dõi phiếu), found on the round's board once the result is announced.
import { el, saveFile } from './kernel/dom.js';

/** What the marks make on this layout: { option (the layout's), rows (0/1, all 0 when invalid) }. */
export function judge(layout, draft) {
  const strike = layout.marking === 'strike-out';
  const rows = layout.candidateIds.map((id) => (strike ? (draft.struck.has(id) ? 0 : 1) : (draft.marks[id] === 'agree' ? 1 : 0)));
  const byCode = (code) => layout.options.find((o) => o.code === code);
  let option = layout.options[0];
  if (strike) {
    // The constraint of a valid ballot, Σ rows − w ∈ [lo, hi]: above it too many are kept, below it none is.
    const value = rows.reduce((s, x) => s + x, 0) - layout.w;
    if (value > layout.hi) option = byCode('too-many-kept');
    else if (value < layout.lo) option = byCode('all-struck');
  } else {
    const neither = byCode('neither-or-both');
    if (neither && layout.candidateIds.some((id) => !['agree', 'disagree'].includes(draft.marks[id] || 'none'))) option = neither;
  }
  if (!option) throw new Error('Mẫu phiếu của lần bầu không có lựa chọn cho phiếu này: xin báo Ban Kiểm phiếu.');
  return { option, rows: option.index === 0 ? rows : rows.map(() => 0) };
}

/** The review's verdict, in the shape tablet-ballot.js shows: { valid, messageVi, reason }. */
export function check(b, draft) {
  const { option } = judge(b.encryption.layout, draft);
  if (option.index === 0) return { valid: true, messageVi: option.explanation, reason: null };
  const why = option.explanation.replace(/^Phiếu /, '');
  return { valid: false, messageVi: `Phiếu này không hợp lệ vì ${why}: đồng chí vẫn gửi?`, reason: option.reason };
}

/** Encrypts the draft in this browser: { encrypted (wire JSON object), tracker }. */
export async function encrypt(b, draft) {
  const { encryptBallot } = await import('./crypto/ballot.js');
  const e = b.encryption;
  const { option, rows } = judge(e.layout, draft);
  const shape = { rows: e.shape.r, options: e.shape.k, weight: e.shape.w, lo: e.shape.lo, hi: e.shape.hi };
  const { ballot, tracker } = encryptBallot({ round: e.context, pk: e.publicKey, shape, plaintext: { rows, option: option.index } });
  return { encrypted: ballot, tracker };
}

// The ballot encrypted at the review, in this page only (localStorage holds it from the confirm on).
let atReview = null; // { delegateId, roundId, draft, sealed: Promise<{ encrypted, tracker }> }
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * At "Xem lại phiếu": encrypts the draft once the review is drawn (the delegate reads it meanwhile) and
 * posts the ciphertexts — never the choice — to the round's check, so the server checks the proofs now
 * rather than in the burst of confirms. A failed pre-check costs nothing (the cast is checked then);
 * only a refused proof (400, which an honest page never gets) goes to onRefused(detail).
 */
export function prepare(ctx, b, draft, onRefused) {
  const sealed = afterPaint().then(() => encrypt(b, draft));
  atReview = { delegateId: ctx.delegateId(), roundId: b.roundId, draft, sealed };
  sealed.then(({ encrypted }) => ctx.api(`/api/elections/rounds/${b.roundId}/ballot/check`, { method: 'POST', body: { encrypted } }))
    .catch((e) => { if (e.status === 400 && atReview?.sealed === sealed) onRefused(e.problem?.detail || e.message); });
}

/** At the confirm: the ballot encrypted at this draft's review (no second encryption), else encrypted now. */
export function prepared(ctx, b, draft) {
  const r = atReview;
  atReview = null;
  return r && r.delegateId === ctx.delegateId() && r.roundId === b.roundId && r.draft === draft ? r.sealed : encrypt(b, draft);
}

export const isTracker = (code) => typeof code === 'string' && /^[0-9a-f]{64}$/.test(code);

/** The receipt of an encrypted ballot: the tracker, and where to look for it. */
export function receiptParts(b, tracker) {
  return [
    el('p', {}, 'Mã theo dõi phiếu'),
    el('p', { class: 'code tracker', id: 'receipt-code' }, tracker),
    el('p', { class: 'note' }, `${b.electionTitle} — ${b.roundLabel}. Phiếu đã được mã hóa trên máy này; máy chủ không biết nội dung phiếu. `
      + 'Sau khi công bố kết quả, bảng phiếu mã hóa của lần bầu được công bố: đồng chí tìm mã theo dõi của mình trên bảng.'),
  ];
}

/**
 * A lookup box on the round's board (GET /api/elections/rounds/{id}/board/{tracker}): any delegate
 * can check any tracker once the result is announced; the delegate's own is filled in.
 */
export function boardLookup(ctx, roundId, tracker) {
  const input = el('input', { id: 'board-tracker', value: tracker || '', autocomplete: 'off', spellcheck: 'false', inputmode: 'text' });
  const answer = el('p', { id: 'board-answer', role: 'status' });
  const find = async () => {
    const t = input.value.trim().toLowerCase();
    if (!isTracker(t)) { answer.className = 'problem'; answer.textContent = 'Mã theo dõi phiếu gồm 64 chữ số và chữ cái a–f.'; return; }
    try {
      const r = await ctx.api(`/api/elections/rounds/${roundId}/board/${t}`);
      answer.className = r.found ? 'ok' : 'problem';
      answer.textContent = r.found
        ? `Có trên bảng phiếu mã hóa của lần bầu: phiếu thứ ${r.position}.`
        : 'Không có mã này trên bảng phiếu mã hóa của lần bầu: xin báo Ban Kiểm phiếu.';
    } catch (e) {
      answer.className = 'problem';
      answer.textContent = e.message;
    }
  };
  return el('div', { class: 'board-lookup', id: 'board-lookup' },
    el('label', { for: 'board-tracker' }, 'Tra mã theo dõi phiếu trên bảng phiếu mã hóa'),
    input,
    el('button', { type: 'button', class: 'big', id: 'board-find', on: { click: find } }, 'Tìm trên bảng phiếu'),
    el('a', { href: `/api/elections/rounds/${roundId}/board`, id: 'board-download', download: `bang-phieu-${roundId}.json`,
      on: { click: (e) => { e.preventDefault(); downloadBoard(ctx, roundId); } } }, 'Tải bảng phiếu (election-board/1)'),
    answer);
}

async function downloadBoard(ctx, roundId) {
  // The board needs the tablet's token, so it is fetched, then saved from memory.
  const r = await fetch(`/api/elections/rounds/${roundId}/board`, { headers: { Authorization: 'Bearer ' + ctx.signIn()?.accessToken } });
  if (!r.ok) return;
  saveFile(await r.blob(), `bang-phieu-${roundId}.json`);
}
