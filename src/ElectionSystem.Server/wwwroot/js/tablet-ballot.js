// Secret ballot (phiếu bầu) on the tablet: names in ballot order as the server sends them, tap to
// strike (a pen line), tap again to restore; rows of a list without surplus get đồng ý / không
// đồng ý; review, confirm, send; the receipt in large type. Validity is the server's (Domain's)
// answer via /ballot/check; a deliberately invalid ballot needs a confirmation naming the rule.
// Exactly once: the submission key stays in localStorage until the server acknowledges it, and
// the same key is resent after any network failure.
// The pending ballot and the receipts belong to the delegate signed in: they are stored under the
// delegate's id (the pending one under the round too), sent only while that same sign-in lasts,
// and forgotten at sign-out (forget) and when someone else signs in on this tablet (tablet.js).
// The ballot's screen state is the store's `ballot` slice; render only draws it, and the loads and
// sends below (hub messages, the shell's refetch, taps) set it.
// An encrypted round (ballot.encryption, issue 14): the page judges and encrypts the choice itself
// (tablet-ballot-encrypted.js) at the review, has the server check the proofs then, and sends only
// those ciphertexts at the confirm; the receipt is the tracker.
import { el } from './kernel/dom.js';
import * as sealed from './tablet-ballot-encrypted.js';
import { pending, pendingKey, receipts, receiptsKey } from './tablet-ballot-storage.js';
export { forget, forgetOthers, storagePrefix } from './tablet-ballot-storage.js';
export const name = 'ballot';

export const initial = () => ({
  view: null,         // TabletBallotState from GET /api/elections/ballot
  draft: null,        // { roundId, struck: Set, marks: {} }
  step: 'mark',       // mark | review | sending | receipt | announced
  check: null,        // BallotCheck from the server
  dialog: null,       // { text, okLabel, acceptInvalid }
  problem: null,
  announced: null,    // { roundId, label, count, mine, found }
});
let loading = null;   // the GET in flight; a second ask while it runs reloads once more after it
let again = false;

(function style() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/css/tablet-ballot.css';
  document.head.appendChild(link);
})();

const slice = (ctx) => ctx.store.get().ballot;
const set = (ctx, patch) => ctx.update(name, patch);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function load(ctx) {
  if (loading) { again = true; return loading; }
  loading = (async () => {
    do {
      again = false;
      await loadOnce(ctx);
    } while (again);
  })().finally(() => { loading = null; });
  return loading;
}

async function loadOnce(ctx) {
  let view = slice(ctx).view;
  try {
    view = await ctx.api('/api/elections/ballot');
  } catch (e) {
    if (e.status === 401) return; // signed out: nothing of this delegate's ballot stays
    // otherwise the shell shows the link state, and the ballot stays as it was
  }
  const b = view?.ballot;
  const s = slice(ctx);
  const patch = { view };
  if (b && (!s.draft || s.draft.roundId !== b.roundId)) {
    Object.assign(patch, { draft: { roundId: b.roundId, struck: new Set(), marks: {} }, step: 'mark', check: null, problem: null, dialog: null });
  }
  set(ctx, patch);
  const p = b ? pending(ctx, b.roundId) : null;
  if (p && slice(ctx).step !== 'sending') send(ctx, p);
}

export const hubMessages = {
  RoundOpened: (_, ctx) => load(ctx),
  RoundClosed: (_, ctx) => load(ctx),
  // A small signal (round id, "announced"): the published receipt codes are fetched over HTTP,
  // only by a tablet holding a receipt for that round, each after a short random pause so 1,600
  // tablets do not ask in the same instant.
  RoundAnnounced: (m, ctx) => {
    const mine = receipts(ctx)[m.roundId];
    if (mine) setTimeout(() => showAnnounced(ctx, m, mine), Math.random() * 3000);
    load(ctx);
  },
};

async function showAnnounced(ctx, m, mine, attempt = 0) {
  try {
    const published = await ctx.api(`/api/elections/rounds/${m.roundId}/receipts`);
    set(ctx, { step: 'announced', announced: { roundId: m.roundId, label: m.roundLabel, count: published.length, mine, found: published.includes(mine) } });
  } catch (e) {
    if (e.status !== 401 && attempt < 5) setTimeout(() => showAnnounced(ctx, m, mine, attempt + 1), 1000 * (attempt + 1));
  }
}

export function render(state, ctx) {
  const s = state.ballot;
  if (s.step === 'announced' && s.announced) { drawAnnounced(ctx, s.announced); return true; }
  const b = s.view?.ballot;
  if (!b) return false;
  const mine = receipts(ctx)[b.roundId];
  if (s.step === 'receipt' || (b.voted && s.step !== 'sending')) { drawReceipt(ctx, b, mine); return true; }
  if (s.step === 'sending') { drawSending(ctx); return true; }
  if (s.step === 'review') drawReview(ctx, b, s); else drawBallot(ctx, b, s);
  if (s.dialog) drawDialog(ctx, b, s.dialog);
  return true;
}

function kept(b, draft) {
  return b.listKind === 'with-surplus'
    ? b.names.length - draft.struck.size
    : Object.values(draft.marks).filter((m) => m === 'agree').length;
}

function head(b, draft) {
  const k = kept(b, draft);
  const surplus = b.listKind === 'with-surplus';
  // A fresh ballot is not an error: the counter turns red only once names are being struck and
  // still too many are kept; the hint says what to do (the server's check stays the verdict).
  const over = surplus && k > b.seats && draft.struck.size > 0;
  return [
    el('div', { class: 'ballot-head' }, el('h1', {}, 'Phiếu bầu — ' + b.electionTitle), el('p', { class: 'round' }, b.roundLabel)),
    el('div', { class: 'ballot-count' + (over ? ' over' : ''), id: 'ballot-count' },
      `Số lượng cần bầu: ${b.seats} — Giữ lại: ${k}/${b.seats}`),
    surplus ? el('p', { class: 'ballot-hint', id: 'ballot-hint', role: 'status' }, hint(b, k)) : null,
  ].filter(Boolean);
}

function hint(b, k) {
  if (k > b.seats) return `Gạch thêm ít nhất ${k - b.seats} tên (gạch ngang tên người không bầu).`;
  if (k === 0) return 'Đã gạch hết tên: phiếu sẽ không hợp lệ.';
  return 'Xem lại phiếu rồi bấm gửi.';
}

// Taps change the draft only: a new draft object each time, so the store sees the change.
function toggleStruck(ctx, id) {
  const draft = slice(ctx).draft;
  const struck = new Set(draft.struck);
  if (struck.has(id)) struck.delete(id); else struck.add(id);
  set(ctx, { draft: { ...draft, struck } });
}

function toggleMark(ctx, id, value) {
  const draft = slice(ctx).draft;
  set(ctx, { draft: { ...draft, marks: { ...draft.marks, [id]: draft.marks[id] === value ? 'none' : value } } });
}

function drawBallot(ctx, b, { draft, problem }) {
  const list = el('ol', { class: 'ballot-list' });
  if (b.listKind === 'with-surplus') {
    for (const n of b.names) {
      const struck = draft.struck.has(n.id);
      list.append(el('li', {}, el('button', {
        type: 'button', class: 'ballot-name' + (struck ? ' struck' : ''), 'data-id': n.id, 'aria-pressed': String(struck),
        on: { click: () => toggleStruck(ctx, n.id) },
      }, el('span', { class: 'stt' }, n.stt + '.'), el('span', { class: 'who' }, n.fullName),
      n.delegation ? el('span', { class: 'meta' }, n.delegation) : null)));
    }
  } else {
    for (const n of b.names) {
      const m = draft.marks[n.id] || 'none';
      list.append(el('li', {}, el('div', { class: 'mark-row', 'data-id': n.id },
        el('span', { class: 'stt' }, n.stt + '.'), el('span', {}, n.fullName),
        el('button', { type: 'button', class: 'yes', 'aria-pressed': String(m === 'agree'), on: { click: () => toggleMark(ctx, n.id, 'agree') } }, 'Đồng ý'),
        el('button', { type: 'button', class: 'no', 'aria-pressed': String(m === 'disagree'), on: { click: () => toggleMark(ctx, n.id, 'disagree') } }, 'Không đồng ý'))));
    }
  }
  const hint = b.listKind === 'with-surplus'
    ? 'Chạm vào tên để gạch tên người đồng chí không bầu; chạm lại để bỏ gạch.'
    : 'Đánh dấu đồng ý hoặc không đồng ý cho từng người.';
  ctx.root.replaceChildren(...head(b, draft), el('p', { class: 'ballot-hint' }, hint), list,
    problem ? el('p', { class: 'problem', role: 'alert' }, problem) : '',
    el('div', { class: 'ballot-actions' }, el('button', { type: 'button', class: 'primary', id: 'ballot-review', on: { click: () => review(ctx, b) } }, 'Xem lại phiếu')));
}

function body(b, draft) {
  return b.listKind === 'with-surplus'
    ? { struck: [...draft.struck], marks: null }
    : { struck: null, marks: Object.fromEntries(b.names.map((n) => [n.id, draft.marks[n.id] || 'none'])) };
}

async function review(ctx, b) {
  set(ctx, { problem: null });
  try {
    // An encrypted round: the choice stays here; the layout says whether it is valid, and the ballot is
    // encrypted now, its proofs checked by the server in the background (only a refused proof is shown).
    const draft = slice(ctx).draft;
    const check = b.encryption ? sealed.check(b, draft) : await ctx.api(`/api/elections/rounds/${b.roundId}/ballot/check`, { method: 'POST', body: body(b, draft) });
    set(ctx, { check, step: 'review' });
    if (b.encryption) sealed.prepare(ctx, b, draft, (problem) => { if (slice(ctx).draft === draft && slice(ctx).step === 'review') set(ctx, { problem }); });
  } catch (e) {
    set(ctx, { problem: e.message }); // the rule's Vietnamese detail, or "Mất kết nối. Xin thử lại."
  }
}

function drawReview(ctx, b, { draft, check, problem }) {
  const list = el('ul', { class: 'review-list' });
  for (const n of b.names) {
    if (b.listKind === 'with-surplus') {
      const gone = draft.struck.has(n.id);
      list.append(el('li', { class: gone ? 'gone' : 'kept' }, `${n.stt}. ${n.fullName}`, gone ? ' — gạch tên' : ' — giữ lại'));
    } else {
      const m = draft.marks[n.id] || 'none';
      const word = { agree: 'đồng ý', disagree: 'không đồng ý', none: 'chưa đánh dấu', both: 'cả hai' }[m];
      list.append(el('li', { class: m === 'agree' ? 'kept' : '' }, `${n.stt}. ${n.fullName} — ${word}`));
    }
  }
  const invalid = check && !check.valid;
  ctx.root.replaceChildren(...head(b, draft), el('h2', {}, 'Xem lại phiếu'), list,
    invalid ? el('p', { class: 'warning', role: 'alert', id: 'ballot-invalid' }, check.messageVi) : '',
    problem ? el('p', { class: 'problem', role: 'alert' }, problem) : '',
    el('div', { class: 'ballot-actions' },
      el('button', { type: 'button', on: { click: () => set(ctx, { step: 'mark' }) } }, 'Sửa lại'),
      el('button', { type: 'button', class: 'primary', id: 'ballot-send', on: { click: () => set(ctx, { dialog: invalid
        ? { text: check.messageVi, okLabel: 'Vẫn gửi phiếu', acceptInvalid: check.reason }
        : { text: 'Đồng chí xác nhận gửi phiếu? Sau khi gửi không sửa được.', okLabel: 'Xác nhận', acceptInvalid: null } }) } }, 'Gửi phiếu')));
}

function drawDialog(ctx, b, d) {
  ctx.root.append(el('div', { class: 'ballot-dialog', role: 'dialog', 'aria-modal': 'true' }, el('div', { class: 'box' },
    el('p', {}, d.text),
    el('div', { class: 'ballot-actions' },
      el('button', { type: 'button', on: { click: () => set(ctx, { dialog: null }) } }, 'Quay lại'),
      el('button', { type: 'button', class: 'primary', id: 'ballot-confirm', on: { click: () => {
        set(ctx, { dialog: null });
        submit(ctx, b, d.acceptInvalid);
      } } }, d.okLabel)))));
}

function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
}

async function submit(ctx, b, acceptInvalid) {
  const delegateId = ctx.delegateId();
  if (!delegateId) return;
  let choice = { ...body(b, slice(ctx).draft), acceptInvalid };
  if (b.encryption) {
    set(ctx, { step: 'sending' }); // the ballot encrypted at the review: the pending one kept below holds ciphertexts only
    try { choice = await sealed.prepared(ctx, b, slice(ctx).draft); } catch (e) { set(ctx, { problem: e.message, step: 'review' }); return; }
  }
  const p = { delegateId, roundId: b.roundId, key: newKey(), ...choice };
  localStorage.setItem(pendingKey(delegateId, b.roundId), JSON.stringify(p));
  send(ctx, p);
}

async function send(ctx, p) {
  // The sign-in this ballot was made under: it is sent under that one only, and the retries end
  // with it (a sign-out, or another delegate signing in on this tablet).
  const signIn = ctx.signIn();
  const mine = () => signIn !== null && ctx.signIn() === signIn && ctx.delegateId() === p.delegateId;
  if (!mine()) return;
  set(ctx, { step: 'sending', problem: null });
  for (let attempt = 0; ; attempt++) {
    if (!mine()) return;
    try {
      const r = await ctx.api(`/api/elections/rounds/${p.roundId}/ballot`, {
        method: 'POST', body: p.encrypted ? { key: p.key, encrypted: p.encrypted } : { key: p.key, struck: p.struck, marks: p.marks, acceptInvalid: p.acceptInvalid },
      });
      if (!mine()) return;
      localStorage.removeItem(pendingKey(p.delegateId, p.roundId));
      localStorage.setItem(receiptsKey(p.delegateId), JSON.stringify({ ...receipts(ctx), [p.roundId]: r.receipt }));
      set(ctx, { step: 'receipt' });
    } catch (e) {
      if (e.status === 401 || !mine()) return; // signed out: the shell says why and forgets the ballot
      // Network failure, time-out or a server error: the same key again, so the ballot counts once.
      if (e.status === 0) { await delay(Math.min(500 * (attempt + 1), 3000)); continue; }
      if (e.status >= 500) { await delay(1000); continue; }
      localStorage.removeItem(pendingKey(p.delegateId, p.roundId));
      set(ctx, { problem: e.problem?.detail || 'Không gửi được phiếu.', step: 'mark' });
    }
    await load(ctx);
    return;
  }
}

function drawSending(ctx) {
  ctx.root.replaceChildren(el('div', { class: 'receipt' }, el('p', { class: 'ok' }, 'Đang gửi phiếu…'),
    el('p', { class: 'note' }, 'Xin đừng tắt máy. Phiếu sẽ được gửi lại cho đến khi máy chủ ghi nhận.')));
}

function drawReceipt(ctx, b, code) {
  ctx.root.replaceChildren(el('div', { class: 'receipt', id: 'ballot-receipt' },
    el('h1', { class: 'ok' }, 'Phiếu của đồng chí đã được ghi nhận'),
    ...(sealed.isTracker(code) ? sealed.receiptParts(b, code) : [code ? el('p', {}, 'Mã biên nhận') : null,
    code ? el('p', { class: 'code', id: 'receipt-code' }, code) : null,
    el('p', { class: 'note' }, `${b.electionTitle} — ${b.roundLabel}. Sau khi công bố kết quả, mã biên nhận của mọi phiếu đã kiểm được công bố để đồng chí đối chiếu.`)])));
}

function drawAnnounced(ctx, a) {
  ctx.root.replaceChildren(el('div', { class: 'receipt' },
    el('h1', { class: 'ok' }, `Đã công bố kết quả ${a.label}`),
    el('p', { class: sealed.isTracker(a.mine) ? 'code tracker' : 'code' }, a.mine),
    el('p', { class: a.found ? 'ok' : 'problem' }, a.found
      ? `Mã biên nhận của đồng chí có trong danh sách ${a.count} phiếu đã kiểm.`
      : 'Không thấy mã biên nhận của đồng chí trong danh sách: xin báo Ban Kiểm phiếu.'),
    sealed.isTracker(a.mine) ? sealed.boardLookup(ctx, a.roundId, a.mine) : null,
    el('button', { type: 'button', class: 'big', on: { click: () => set(ctx, { announced: null, step: 'mark' }) } }, 'Đóng')));
}
