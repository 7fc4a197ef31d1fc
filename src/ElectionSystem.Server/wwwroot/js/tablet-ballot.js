// Secret ballot (phiếu bầu) on the tablet: names in ballot order as the server sends them, tap to
// strike (a pen line), tap again to restore; rows of a list without surplus get đồng ý / không
// đồng ý; review, confirm, send; the receipt in large type. Validity is the server's (Domain's)
// answer via /ballot/check; a deliberately invalid ballot needs a confirmation naming the rule.
// Exactly once: the submission key stays in localStorage until the server acknowledges it, and
// the same key is resent after any network failure.
import { el } from './dom.js';
export const name = 'ballot';

const PENDING = 'es.ballot.pending';
const RECEIPTS = 'es.ballot.receipts';
let view = null;          // TabletBallotState from GET /api/elections/ballot
let loading = false;
let draft = null;         // { roundId, struck: Set, marks: {} }
let step = 'mark';        // mark | review | sending | receipt | announced
let check = null;         // BallotCheck from the server
let dialog = null;        // { text, ok, okLabel }
let problem = null;
let announced = null;     // { roundId, count, mine }

(function style() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/css/tablet-ballot.css';
  document.head.appendChild(link);
})();

const receipts = () => JSON.parse(localStorage.getItem(RECEIPTS) || '{}');
const pending = () => JSON.parse(localStorage.getItem(PENDING) || 'null');

async function load(ctx) {
  if (loading) return;
  loading = true;
  try {
    const r = await ctx.api('/api/elections/ballot');
    if (r.ok) view = await r.json();
  } catch { /* the shell shows the link state */ }
  loading = false;
  const b = view?.ballot;
  if (b && (!draft || draft.roundId !== b.roundId)) {
    draft = { roundId: b.roundId, struck: new Set(), marks: {} };
    step = 'mark'; check = null; problem = null; dialog = null;
  }
  const p = pending();
  if (b && p && p.roundId === b.roundId && step !== 'sending') send(ctx, p);
  ctx.update('ballot', { at: Date.now() });
}

export const hubMessages = {
  RoundOpened: (_, ctx) => load(ctx),
  RoundClosed: (_, ctx) => load(ctx),
  // A small signal (round id, "announced"): the published receipt codes are fetched over HTTP,
  // only by a tablet holding a receipt for that round, each after a short random pause so 1,600
  // tablets do not ask in the same instant.
  RoundAnnounced: (m, ctx) => {
    const mine = receipts()[m.roundId];
    if (mine) setTimeout(() => showAnnounced(ctx, m, mine), Math.random() * 3000);
    load(ctx);
  },
};

async function showAnnounced(ctx, m, mine, attempt = 0) {
  try {
    const r = await ctx.api(`/api/elections/rounds/${m.roundId}/receipts`);
    if (!r.ok) throw new Error(String(r.status));
    const published = await r.json();
    announced = { roundId: m.roundId, label: m.roundLabel, count: published.length, mine, found: published.includes(mine) };
    step = 'announced';
    ctx.update('ballot', { at: Date.now() });
  } catch {
    if (attempt < 5) setTimeout(() => showAnnounced(ctx, m, mine, attempt + 1), 1000 * (attempt + 1));
  }
}

export function render(state, ctx) {
  if (state.ballot === undefined) { load(ctx); }
  if (step === 'announced' && announced) { drawAnnounced(ctx); return true; }
  const b = view?.ballot;
  if (!b) return false;
  const mine = receipts()[b.roundId];
  if (step === 'receipt' || (b.voted && step !== 'sending')) { drawReceipt(ctx, b, mine); return true; }
  if (step === 'sending') { drawSending(ctx); return true; }
  if (step === 'review') drawReview(ctx, b); else drawBallot(ctx, b);
  if (dialog) drawDialog(ctx);
  return true;
}

function kept(b) {
  return b.listKind === 'with-surplus'
    ? b.names.length - draft.struck.size
    : Object.values(draft.marks).filter((m) => m === 'agree').length;
}

function head(b) {
  const k = kept(b);
  return [
    el('div', { class: 'ballot-head' }, el('h1', {}, 'Phiếu bầu — ' + b.electionTitle), el('p', { class: 'round' }, b.roundLabel)),
    el('div', { class: 'ballot-count' + (b.listKind === 'with-surplus' && k > b.seats ? ' over' : ''), id: 'ballot-count' },
      `Số lượng cần bầu: ${b.seats} — Giữ lại: ${k}/${b.seats}`),
  ];
}

function drawBallot(ctx, b) {
  const rerender = () => ctx.update('ballot', { at: Date.now() });
  const list = el('ol', { class: 'ballot-list' });
  if (b.listKind === 'with-surplus') {
    for (const n of b.names) {
      const struck = draft.struck.has(n.id);
      list.append(el('li', {}, el('button', {
        type: 'button', class: 'ballot-name' + (struck ? ' struck' : ''), 'data-id': n.id, 'aria-pressed': String(struck),
        on: { click: () => { struck ? draft.struck.delete(n.id) : draft.struck.add(n.id); rerender(); } },
      }, el('span', { class: 'stt' }, n.stt + '.'), el('span', { class: 'who' }, n.fullName),
      n.delegation ? el('span', { class: 'meta' }, n.delegation) : null)));
    }
  } else {
    for (const n of b.names) {
      const m = draft.marks[n.id] || 'none';
      const set = (v) => () => { draft.marks[n.id] = draft.marks[n.id] === v ? 'none' : v; rerender(); };
      list.append(el('li', {}, el('div', { class: 'mark-row', 'data-id': n.id },
        el('span', { class: 'stt' }, n.stt + '.'), el('span', {}, n.fullName),
        el('button', { type: 'button', class: 'yes', 'aria-pressed': String(m === 'agree'), on: { click: set('agree') } }, 'Đồng ý'),
        el('button', { type: 'button', class: 'no', 'aria-pressed': String(m === 'disagree'), on: { click: set('disagree') } }, 'Không đồng ý'))));
    }
  }
  const hint = b.listKind === 'with-surplus'
    ? 'Chạm vào tên để gạch tên người đồng chí không bầu; chạm lại để bỏ gạch.'
    : 'Đánh dấu đồng ý hoặc không đồng ý cho từng người.';
  ctx.root.replaceChildren(...head(b), el('p', { class: 'ballot-hint' }, hint), list,
    problem ? el('p', { class: 'problem', role: 'alert' }, problem) : "",
    el('div', { class: 'ballot-actions' }, el('button', { type: 'button', class: 'primary', id: 'ballot-review', on: { click: () => review(ctx, b) } }, 'Xem lại phiếu')));
}

function body(b) {
  return b.listKind === 'with-surplus'
    ? { struck: [...draft.struck], marks: null }
    : { struck: null, marks: Object.fromEntries(b.names.map((n) => [n.id, draft.marks[n.id] || 'none'])) };
}

async function review(ctx, b) {
  problem = null;
  try {
    const r = await ctx.api(`/api/elections/rounds/${b.roundId}/ballot/check`, { method: 'POST', body: JSON.stringify(body(b)) });
    const json = await r.json();
    if (!r.ok) { problem = json.detail; ctx.update('ballot', { at: Date.now() }); return; }
    check = json;
    step = 'review';
  } catch {
    problem = 'Mất kết nối. Xin thử lại.';
  }
  ctx.update('ballot', { at: Date.now() });
}

function drawReview(ctx, b) {
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
  const rerender = () => ctx.update('ballot', { at: Date.now() });
  ctx.root.replaceChildren(...head(b), el('h2', {}, 'Xem lại phiếu'), list,
    check && !check.valid ? el('p', { class: 'warning', role: 'alert', id: 'ballot-invalid' }, check.messageVi) : "",
    problem ? el('p', { class: 'problem', role: 'alert' }, problem) : "",
    el('div', { class: 'ballot-actions' },
      el('button', { type: 'button', on: { click: () => { step = 'mark'; rerender(); } } }, 'Sửa lại'),
      el('button', { type: 'button', class: 'primary', id: 'ballot-send', on: { click: () => {
        dialog = check && !check.valid
          ? { text: check.messageVi, okLabel: 'Vẫn gửi phiếu', ok: () => submit(ctx, b, check.reason) }
          : { text: 'Đồng chí xác nhận gửi phiếu? Sau khi gửi không sửa được.', okLabel: 'Xác nhận', ok: () => submit(ctx, b, null) };
        rerender();
      } } }, 'Gửi phiếu')));
}

function drawDialog(ctx) {
  const close = () => { dialog = null; ctx.update('ballot', { at: Date.now() }); };
  const d = dialog;
  ctx.root.append(el('div', { class: 'ballot-dialog', role: 'dialog', 'aria-modal': 'true' }, el('div', { class: 'box' },
    el('p', {}, d.text),
    el('div', { class: 'ballot-actions' },
      el('button', { type: 'button', on: { click: close } }, 'Quay lại'),
      el('button', { type: 'button', class: 'primary', id: 'ballot-confirm', on: { click: () => { dialog = null; d.ok(); } } }, d.okLabel)))));
}

function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
}

function submit(ctx, b, acceptInvalid) {
  const p = { roundId: b.roundId, key: newKey(), ...body(b), acceptInvalid };
  localStorage.setItem(PENDING, JSON.stringify(p));
  send(ctx, p);
}

async function send(ctx, p) {
  step = 'sending';
  problem = null;
  ctx.update('ballot', { at: Date.now() });
  for (let attempt = 0; ; attempt++) {
    let r;
    try {
      r = await ctx.api(`/api/elections/rounds/${p.roundId}/ballot`, {
        method: 'POST', body: JSON.stringify({ key: p.key, struck: p.struck, marks: p.marks, acceptInvalid: p.acceptInvalid }),
      });
    } catch (e) {
      if (e?.constructor?.name === 'SignedOutError') return;
      // Network failure or time-out: the same key again, so the ballot counts once.
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * (attempt + 1), 3000)));
      continue;
    }
    if (r.status >= 500) { await new Promise((resolve) => setTimeout(resolve, 1000)); continue; }
    const json = await r.json().catch(() => ({}));
    localStorage.removeItem(PENDING);
    if (r.ok) {
      localStorage.setItem(RECEIPTS, JSON.stringify({ ...receipts(), [p.roundId]: json.receipt }));
      step = 'receipt';
    } else {
      problem = json.detail || 'Không gửi được phiếu.';
      step = 'mark';
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
    el('p', { class: 'ok' }, 'Phiếu của đồng chí đã được ghi nhận'),
    code ? el('p', {}, 'Mã biên nhận') : null,
    code ? el('p', { class: 'code', id: 'receipt-code' }, code) : null,
    el('p', { class: 'note' }, `${b.electionTitle} — ${b.roundLabel}. Sau khi công bố kết quả, mã biên nhận của mọi phiếu đã kiểm được công bố để đồng chí đối chiếu.`)));
}

function drawAnnounced(ctx) {
  const a = announced;
  ctx.root.replaceChildren(el('div', { class: 'receipt' },
    el('p', { class: 'ok' }, `Đã công bố kết quả ${a.label}`),
    el('p', { class: 'code' }, a.mine),
    el('p', { class: a.found ? 'ok' : 'problem' }, a.found
      ? `Mã biên nhận của đồng chí có trong danh sách ${a.count} phiếu đã kiểm.`
      : 'Không thấy mã biên nhận của đồng chí trong danh sách: xin báo Ban Kiểm phiếu.'),
    el('button', { type: 'button', class: 'big', on: { click: () => { announced = null; step = 'mark'; ctx.update('ballot', { at: Date.now() }); } } }, 'Đóng')));
}
