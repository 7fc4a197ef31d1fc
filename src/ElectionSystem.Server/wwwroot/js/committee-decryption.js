// Closing = decrypting, on /committee (issue 14; docs/verifiable-ballot.md "Closing = decrypting"):
// after the close of an encrypted round, each member opens their share file (file picker +
// passphrase) in this page, computes D_j = A^(x_j) of every total with its Chaum–Pedersen proof
// (the contexts come with the totals) and posts them. The panel shows "k/n thành viên đã giải mã";
// when k are in, the server combines them and the round's result shows as for any round.
// The share and the passphrase never leave the page.
import { api } from './kernel/api.js';
import { el, swap } from './kernel/dom.js';

let panel = null;   // { roundId, root, file, pass, status }: built once per round, so a chosen file survives a redraw
let busy = false;
let problem = null;

/** The round's totals (null for a plaintext round, or an encrypted one still open). */
export async function loadTotals(view) {
  if (!view || view.state === 'open' || view.state === 'draft') return null;
  try {
    return await api(`/api/committee/rounds/${view.roundId}/totals`);
  } catch (e) {
    if (e.status === 409 || e.status === 404) return null;
    throw e;
  }
}

/** The decryption panel for an encrypted round's totals; onDone reloads the page's view. */
export function decryptionPanel(totals, onDone) {
  if (!panel || panel.roundId !== totals.roundId) {
    problem = null;
    const file = el('input', { type: 'file', id: 'share-file', accept: '.json,application/json' });
    const pass = el('input', { type: 'password', id: 'share-file-pass', autocomplete: 'current-password' });
    const status = el('div', {});
    const root = el('section', { class: 'decryption', id: 'decryption', 'aria-labelledby': 'decryption-title' },
      el('h2', { id: 'decryption-title' }, 'Giải mã kết quả (phiếu mã hóa)'), status);
    panel = { roundId: totals.roundId, root, file, pass, status, form: null };
    panel.form = el('form', { id: 'decryption-form', on: { submit: (e) => { e.preventDefault(); decrypt(onDone); } } },
      el('p', {}, 'Chọn tệp khóa của đồng chí (khoa-ban-kiem-phieu-….json) và nhập cụm mật khẩu của tệp. Tệp và cụm mật khẩu không rời máy này: trang tính phần giải mã kèm chứng minh rồi gửi lên.'),
      el('label', { for: 'share-file' }, 'Tệp khóa'), file,
      el('label', { for: 'share-file-pass' }, 'Cụm mật khẩu của tệp khóa'), pass,
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'decrypt' }, 'Giải mã phần của tôi')));
  }
  panel.totals = totals;
  draw();
  return panel.root;
}

function draw() {
  const t = panel.totals;
  const posted = t.posted.map((p) => `${p.index}. ${p.fullName}`).join(', ');
  const mine = t.you != null && t.posted.some((p) => p.index === t.you);
  const parts = [
    el('p', { class: 'statement', id: 'decrypted-count' }, `${t.posted.length}/${t.k} thành viên đã giải mã`),
    el('p', { class: 'muted' }, `Cần ${t.k} trong ${t.n} thành viên Ban Kiểm phiếu; ít hơn ${t.k} người không giải mã được gì, và không ai giải mã được một lá phiếu riêng. Số phiếu mã hóa: ${t.ballots}.`),
    posted ? el('p', {}, 'Đã gửi phần giải mã: ' + posted) : null,
  ];
  if (t.decrypted) parts.push(el('p', { class: 'statement' }, 'Đã giải mã đủ: kết quả là số phiếu Ban Kiểm phiếu vừa giải mã.'));
  else if (t.you == null) parts.push(el('p', { class: 'muted' }, 'Chỉ thành viên đã tham gia lễ tạo khóa, đăng nhập bằng tài khoản thành viên của mình, giải mã được.'));
  else if (mine) parts.push(el('p', { id: 'decryption-mine' }, 'Đồng chí đã gửi phần giải mã của mình.'));
  else parts.push(panel.form);
  if (busy) parts.push(el('p', { role: 'status' }, 'Đang mở tệp khóa và tính phần giải mã…'));
  if (problem) parts.push(el('p', { class: 'problem', role: 'alert' }, problem));
  swap(panel.status, ...parts.filter(Boolean));
  const button = panel.form.querySelector('button');
  button.disabled = busy;
}

async function decrypt(onDone) {
  const t = panel.totals;
  const chosen = panel.file.files?.[0];
  if (!chosen) { problem = 'Chọn tệp khóa của đồng chí.'; draw(); return; }
  problem = null;
  busy = true;
  draw();
  try {
    const [{ openShareFile }, { partialDecrypt }] = await Promise.all([import('./crypto/share-file.js'), import('./crypto/decryption.js')]);
    let file;
    try { file = JSON.parse(await chosen.text()); } catch { throw new Error('Tệp đã chọn không phải tệp khóa (không đọc được JSON).'); }
    const opened = openShareFile(file, panel.pass.value);
    if (opened.failure) throw new Error(opened.failure);
    const s = opened.share;
    if (s.index !== t.you) throw new Error(`Tệp khóa này của thành viên số ${s.index}, không phải của đồng chí (số ${t.you}).`);
    if (s.publicKey !== t.publicKey) throw new Error('Tệp khóa này thuộc một lễ tạo khóa khác, không phải khóa của lần bầu này.');
    const part = (entry) => {
      const p = partialDecrypt({ context: entry.context, trustee: s.index, share: s.share, verificationKey: s.verificationKey, total: entry });
      return { share: p.d, proof: p.proof };
    };
    await api(`/api/committee/rounds/${t.roundId}/decryption`, { method: 'POST', body: { rows: t.rows.map(part), options: t.options.map(part) } });
    panel.pass.value = '';
    panel.file.value = '';
  } catch (e) {
    problem = e.message;
  } finally {
    busy = false;
  }
  draw();
  await onDone();
}
