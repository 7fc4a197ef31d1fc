// The key ceremony on /committee (issue 14; docs/verifiable-ballot.md "Key ceremony"), from the
// member's own session. "Tạo khóa" runs the member's part step by step as the ceremony moves on
// (every member's page follows the hub's CeremonyChanged): 1. post an X25519 box key; 2. once all
// box keys are in, deal (k commitments) and seal each member's share to that member's box key
// (crypto_box_seal: the server never sees a share); 3. once all have dealt, open the shares sealed to
// this member, check each against its dealer's commitments (Feldman), post the verification
// (complaints = dealers whose share failed) and combine x_j; 4. the member types a passphrase and
// saves the share file (download + a printable sheet: the sealed file as QR code(s) and as text,
// share-sheet.js). The secrets (box secret key, coefficients, x_j) live in this page's memory
// only: reloading the page before the file is saved loses them, and the ceremony must start again.
import { api } from './kernel/api.js';
import { $, el, saveFile, swap } from './kernel/dom.js';
import { fillSheet } from './share-sheet.js';

let crypto = null; // the crypto modules, loaded on first use (libsodium's WebAssembly)
const loadCrypto = async () => (crypto ??= {
  sodium: (await import('./crypto/sodium.js')).default,
  dkg: await import('./crypto/dkg.js'),
  file: await import('./crypto/share-file.js'),
});

const STEPS = ['Gửi khóa công khai', 'Chia khóa cho các thành viên', 'Nhận và kiểm tra phần khóa', 'Lưu tệp khóa'];
const STATE_VI = {
  keys: 'Chờ các thành viên gửi khóa công khai',
  dealing: 'Đang chia khóa',
  verifying: 'Đang kiểm tra phần khóa',
  ready: 'Đã tạo xong khóa chung',
  failed: 'Thất bại',
};

let view = null;      // GET /api/ceremony (null: none yet)
let mine = null;      // { ceremonyId, box, done: Set of step indexes, share, publicKey, verificationKey, saved }
let busy = false;
let problem = null;
let form = null;      // the passphrase form: built once, so what is typed survives a redraw

export async function loadCeremony() {
  try {
    view = await api('/api/ceremony');
  } catch (e) {
    view = null;
    if (e.status !== 404) problem = e.message;
  }
  if (view && mine && mine.ceremonyId !== view.id) mine = null;
  draw();
  advance();
}

const me = () => (view?.you ? view.members.find((m) => m.index === view.you) : null);

/** Runs whichever of the member's steps the ceremony now allows (one at a time). */
async function advance() {
  const m = me();
  if (busy || !m || !mine || mine.ceremonyId !== view.id) return;
  busy = true;
  try {
    // mine.done as well as the view: a view fetched just before this page's own post must not send it twice.
    if (view.state === 'dealing' && !m.dealt && !mine.done.has(1)) await deal();
    else if (view.state === 'verifying' && !m.verified && !mine.done.has(2)) await verify();
    else return;
    problem = null;
  } catch (e) {
    problem = e.message;
  } finally {
    busy = false;
  }
  await loadCeremony();
}

async function start() {
  problem = null;
  busy = true;
  draw();
  try {
    const { sodium } = await loadCrypto();
    const box = sodium.crypto_box_keypair();
    mine = { ceremonyId: view.id, box, done: new Set() };
    await api('/api/ceremony/box-key', { method: 'POST', body: { publicKey: sodium.to_hex(box.publicKey) } });
    mine.done.add(0);
  } catch (e) {
    problem = e.message;
    if (!mine?.done.has(0)) mine = null;
  } finally {
    busy = false;
  }
  await loadCeremony();
}

async function deal() {
  const { sodium, dkg } = await loadCrypto();
  const dealing = dkg.deal(view.k);
  const shares = view.members.map((m) => ({
    to: m.index,
    sealed: sodium.to_base64(sodium.crypto_box_seal(sodium.from_hex(dealing.shareFor(m.index)), sodium.from_hex(m.boxKey)),
      sodium.base64_variants.ORIGINAL),
  }));
  await api('/api/ceremony/dealing', { method: 'POST', body: { commitments: dealing.commitments, shares } });
  mine.done.add(1);
}

async function verify() {
  const { sodium, dkg } = await loadCrypto();
  const got = await api('/api/ceremony/shares');
  const complaints = [];
  const shares = [];
  for (const s of got.shares) {
    let share = null;
    try {
      share = sodium.to_hex(sodium.crypto_box_seal_open(sodium.from_base64(s.sealed, sodium.base64_variants.ORIGINAL),
        mine.box.publicKey, mine.box.privateKey));
    } catch { /* a share that does not open is a bad share */ }
    if (share && dkg.verifyShare(s.commitments, got.k, got.you, share)) shares.push(share);
    else complaints.push(s.from);
  }
  await api('/api/ceremony/verification', { method: 'POST', body: { complaints } });
  mine.done.add(2);
  if (complaints.length) throw new Error(`Phần khóa từ thành viên ${complaints.join(', ')} không đúng: lễ tạo khóa thất bại, Đoàn Chủ tịch bắt đầu lại.`);
  const all = got.shares.map((s) => s.commitments);
  mine.share = dkg.combineShares(shares);
  mine.publicKey = dkg.publicKey(all);
  mine.verificationKey = dkg.verificationKey(all, got.you);
  sodium.memzero(mine.box.privateKey);
}

async function save() {
  const pass = $('share-pass').value;
  if (pass.length < 8) { problem = 'Cụm mật khẩu của tệp khóa cần ít nhất 8 ký tự.'; draw(); return; }
  if (pass !== $('share-pass-again').value) { problem = 'Hai lần nhập cụm mật khẩu không giống nhau.'; draw(); return; }
  problem = null;
  busy = true;
  draw();
  try {
    const { file } = await loadCrypto();
    const sealed = file.sealShareFile({
      index: view.you, threshold: view.k, members: view.n, publicKey: mine.publicKey, verificationKey: mine.verificationKey, share: mine.share,
    }, pass);
    mine.text = JSON.stringify(sealed, null, 1);
    mine.fileName = `khoa-ban-kiem-phieu-${me().code}.json`;
    download(mine.text, mine.fileName);
    mine.done.add(3);
    $('share-pass').value = '';
    $('share-pass-again').value = '';
  } catch (e) {
    problem = e.message;
  } finally {
    busy = false;
  }
  draw();
}

function download(text, name) {
  saveFile(new Blob([text], { type: 'application/json' }), name);
}

/** The printable sheet (share-sheet.js): name, public parts, the sealed file as QR code(s) and as text. */
function printSheet() {
  try {
    fillSheet($('share-sheet'), { member: me(), fileName: mine.fileName, text: mine.text });
  } catch (e) {
    problem = e.message;
    draw();
    return;
  }
  window.print();
}

function tick(done) { return done ? '✓' : '—'; }

function draw() {
  const root = $('ceremony');
  if (!root) return;
  if (!view) {
    swap(root, el('h2', {}, 'Khóa của Ban Kiểm phiếu'),
      el('p', { class: 'muted' }, 'Chưa có lễ tạo khóa. Đoàn Chủ tịch bắt đầu lễ tạo khóa (k trong n thành viên) trên trang /presidium.'),
      problem ? el('p', { class: 'problem', role: 'alert' }, problem) : null);
    return;
  }
  const m = me();
  const rows = view.members.map((x) => el('tr', { 'data-member': x.code },
    el('td', {}, `${x.index}. ${x.fullName} (${x.code})`),
    el('td', { class: 'tick' }, tick(x.keyPosted)), el('td', { class: 'tick' }, tick(x.dealt)), el('td', { class: 'tick' }, tick(x.verified))));
  const parts = [
    el('h2', {}, 'Khóa của Ban Kiểm phiếu'),
    el('p', {}, `Lễ tạo khóa: cần ${view.k} trong ${view.n} thành viên để giải mã · `,
      el('b', { id: 'ceremony-state', class: 'ceremony-' + view.state }, STATE_VI[view.state] || view.state)),
    view.failure ? el('p', { class: 'problem' }, view.failure) : null,
    view.publicKey ? el('p', {}, 'Khóa chung của lần bầu mã hóa: ', el('span', { class: 'hash', id: 'ceremony-pk' }, view.publicKey)) : null,
  ];
  const table = el('table', { id: 'ceremony-members' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Thành viên'), el('th', {}, 'Đã gửi khóa'), el('th', {}, 'Đã chia'), el('th', {}, 'Đã kiểm tra'))),
    el('tbody', {}, ...rows));
  // Once the key is made the panel folds its table away: the rounds below are what the desk works on.
  parts.push(view.state === 'ready' ? el('details', {}, el('summary', {}, 'Các thành viên trong lễ tạo khóa'), table) : table);
  if (m) parts.push(...memberPart(m));
  if (problem) parts.push(el('p', { class: 'problem', role: 'alert' }, problem));
  swap(root, ...parts.filter(Boolean));
}

function memberPart(m) {
  const ours = mine && mine.ceremonyId === view.id;
  const out = [];
  if (view.state === 'keys' && !m.keyPosted) {
    out.push(el('p', {}, 'Đồng chí bấm "Tạo khóa" và giữ trang này mở cho đến khi lưu xong tệp khóa: trang tự làm từng bước khi các thành viên khác làm xong bước trước.'),
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'ceremony-start', disabled: busy, on: { click: start } }, 'Tạo khóa')));
    return out;
  }
  if (!ours) {
    if (!['ready', 'failed'].includes(view.state) || !m.verified) {
      out.push(el('p', { class: 'problem' }, 'Trang này không còn giữ khóa bí mật của đồng chí cho lễ tạo khóa này (trang đã được tải lại). Xin báo Đoàn Chủ tịch bắt đầu lễ tạo khóa mới.'));
    }
    return out;
  }
  const done = (i) => (i === 0 ? m.keyPosted : i === 1 ? m.dealt : i === 2 ? m.verified : mine.done.has(3));
  out.push(el('ol', { class: 'ceremony-steps', id: 'ceremony-steps' }, ...STEPS.map((s, i) => el('li', { class: done(i) ? 'done' : '' },
    `${s}: `, el('b', {}, done(i) ? 'xong' : waiting(i))))));
  if (mine.share) out.push(saveForm());
  return out;
}

function waiting(i) {
  if (busy) return 'đang làm…';
  if (i === 1 && view.state === 'keys') return 'chờ các thành viên khác gửi khóa công khai';
  if (i === 2 && view.state === 'dealing') return 'chờ các thành viên khác chia khóa';
  if (i === 3) return 'nhập cụm mật khẩu rồi bấm "Lưu tệp khóa"';
  return 'chờ';
}

function saveForm() {
  form ??= el('form', { class: 'share-form', id: 'share-form', on: { submit: (e) => { e.preventDefault(); save(); } } },
    el('p', {}, 'Phần khóa của đồng chí đã sẵn sàng. Đặt một cụm mật khẩu (ít nhất 8 ký tự) để khóa tệp; khi giải mã kết quả đồng chí cần tệp và cụm mật khẩu này. Không ai khôi phục được nếu quên.'),
    el('label', { for: 'share-pass' }, 'Cụm mật khẩu của tệp khóa'),
    el('input', { id: 'share-pass', type: 'password', autocomplete: 'new-password' }),
    el('label', { for: 'share-pass-again' }, 'Nhập lại cụm mật khẩu'),
    el('input', { id: 'share-pass-again', type: 'password', autocomplete: 'new-password' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'share-save' }, 'Lưu tệp khóa')));
  const saved = mine.done.has(3);
  const after = saved ? el('div', { class: 'actions' },
    el('span', { id: 'share-saved' }, `Đã lưu ${mine.fileName}. `),
    el('button', { type: 'button', id: 'share-download', class: 'secondary', on: { click: () => download(mine.text, mine.fileName) } }, 'Tải lại tệp khóa'),
    el('button', { type: 'button', id: 'share-print', class: 'secondary', on: { click: printSheet } }, 'In tệp khóa')) : null;
  const mismatch = view.publicKey && view.publicKey !== mine.publicKey
    ? el('p', { class: 'problem' }, 'Khóa chung máy chủ công bố khác khóa chung trang này tính được: đừng dùng tệp khóa này, báo Đoàn Chủ tịch.') : null;
  return el('div', {}, saved ? null : form, after, mismatch);
}
