// Đoàn Chủ tịch's own accounts (ADR 0010, "Who makes the presidium"): the organiser never makes,
// resets or unlocks a presidium account; the presidium does, here. Every password is temporary.
// During the congress these, and a member's new activation code, wait for two committee members
// (202): the request is remembered in this tab, and "Nhận" collects the password or the code once.
import { showPassword } from './kernel/accounts.js';
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';

const RequestsKey = 'es.presidiumRequests';

const requests = () => JSON.parse(sessionStorage.getItem(RequestsKey) || '[]');
const save = (list) => sessionStorage.setItem(RequestsKey, JSON.stringify(list));

function say(message) {
  $('presidium-accounts-problem').hidden = !message;
  $('presidium-accounts-problem').textContent = message || '';
}


/** A request held for the committee (a PendingDuty): kept to collect its result once approved. */
export function remember(pending) {
  save([...requests().filter((r) => r.requestId !== pending.requestId), pending]);
  drawRequests();
}

async function collect(pending) {
  const result = await api(`/api/duties/${pending.requestId}`);
  if (result.temporaryPassword) showPassword(pending.account, result.temporaryPassword);
  if (result.activation) document.dispatchEvent(new CustomEvent('es:activation-slip', { detail: result.activation }));
  const done = result.request.state !== 'pending';
  if (done) save(requests().filter((r) => r.requestId !== pending.requestId));
  say(done && !result.temporaryPassword && !result.activation
    ? `${result.request.kindVi}: ${result.request.stateVi}${result.request.outcome ? ' — ' + result.request.outcome : ''}.`
    : done ? null : `${result.request.kindVi}: ${result.request.approvalsVi}.`);
  drawRequests();
  await loadAccounts();
}

function drawRequests() {
  swap($('presidium-requests'), ...requests().map((p) => el('li', {}, `${p.detail} `,
    el('button', { type: 'button', class: 'secondary', on: { click: () => collect(p).catch((e) => say(e.message)) } }, 'Nhận'))));
}

async function loadAccounts() {
  const accounts = await api('/api/presidium/accounts');
  swap($('presidium-account-rows'), ...accounts.map((a) => el('li', {},
    `${a.userName} — ${a.displayName}${a.disabled ? ' (đã khóa)' : ''}${a.mustChangePassword ? ' · Chưa đổi mật khẩu tạm' : ''} `,
    el('button', { type: 'button', class: 'secondary', on: { click: () => change(a, 'reset-password').catch((e) => say(e.message)) } }, 'Đặt lại mật khẩu'),
    a.disabled ? el('button', { type: 'button', class: 'secondary', on: { click: () => change(a, 'enable').catch((e) => say(e.message)) } }, 'Mở khóa') : '')));
}

async function change(a, what) {
  if (what === 'reset-password' && !confirm(`Đặt lại mật khẩu của ${a.userName}? Mọi phiên đăng nhập của tài khoản này hết hiệu lực.`)) return;
  say(null);
  const r = await api(`/api/presidium/accounts/${a.id}/${what}`, { method: 'POST' });
  if (r?.requestId) remember(r);
  else if (r?.password) showPassword(a.userName, r.password);
  await loadAccounts();
}

$('presidium-account-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  say(null);
  const f = e.target;
  try {
    const r = await api('/api/presidium/accounts', { method: 'POST', body: { userName: f.userName.value, displayName: f.displayName.value } });
    if (r.requestId) remember(r); else showPassword(r.account.userName, r.password);
    f.reset();
    await loadAccounts();
  } catch (err) {
    say(err.message);
  }
});

drawRequests();
loadAccounts().catch((e) => say(e.message));
