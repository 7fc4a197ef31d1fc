// Organisers' page: congress, sessions, delegates (absence, alternates, badges), import, accounts,
// display keys, audit. Every call goes through the same API a script would use.
import { showPassword } from './kernel/accounts.js';
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';
import { fmt } from './kernel/words.js';

const button = (text, onClick) => el('button', { type: 'button', text, on: { click: onClick } });
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

function flash(message, bad = false) {
  const f = $('flash');
  f.textContent = message;
  f.className = 'flash ' + (bad ? 'bad' : 'ok');
}
const guard = (fn) => async (...args) => { try { await fn(...args); } catch (e) { flash(e.message, true); } };

// Congress and sessions
async function loadCongress() {
  const c = await api('/api/congress');
  const f = $('congress-form');
  for (const k of ['name', 'bodyName', 'ordinal', 'term', 'place', 'startDate', 'endDate']) f[k].value = c[k] ?? '';
  f.twoThirdsQuorumEnforced.checked = c.twoThirdsQuorumEnforced;
  const sessions = await api('/api/congress/sessions');
  swap($('sessions'), ...sessions.map((s) => el('tr', {},
    el('td', { text: s.ordinal }), el('td', { text: s.title }), el('td', { text: s.date }),
    el('td', { text: s.startsAt ?? '' }),
    el('td', {}, s.isCurrent ? el('strong', { text: 'Phiên hiện tại' })
      : button('Đặt làm phiên hiện tại', guard(async () => { await api(`/api/congress/sessions/${s.id}/current`, { method: 'POST' }); flash('Đã chuyển phiên họp.'); await loadAll(); }))))));
}
$('congress-form').addEventListener('submit', guard(async (e) => {
  e.preventDefault();
  const f = e.target;
  await api('/api/congress', { method: 'PUT', body: {
    name: f.name.value, bodyName: f.bodyName.value, ordinal: f.ordinal.value, term: f.term.value, place: f.place.value,
    startDate: f.startDate.value, endDate: f.endDate.value, twoThirdsQuorumEnforced: f.twoThirdsQuorumEnforced.checked,
  } });
  flash('Đã lưu thông tin đại hội.');
}));
$('session-form').addEventListener('submit', guard(async (e) => {
  e.preventDefault();
  const f = e.target;
  await api('/api/congress/sessions', { method: 'POST', body: { title: f.title.value, date: f.date.value, startsAt: f.startsAt.value || null } });
  f.reset();
  flash('Đã thêm phiên họp.');
  await loadCongress();
}));

// Delegates
let delegates = [];
function renderDelegates() {
  const q = fold($('filter').value.trim());
  const byId = new Map(delegates.map((d) => [d.id, d]));
  const absentOfficials = delegates.filter((d) => d.category !== 'Alternate' && d.absentWholeCongress);
  const rows = delegates.filter((d) => !q || fold(`${d.fullName} ${d.code} ${d.delegation}`).includes(q)).slice(0, 400);
  swap($('delegate-rows'), ...rows.map((d) => {
    const absence = d.category === 'Alternate' ? el('span')
      : el('input', { type: 'checkbox', checked: d.absentWholeCongress, 'aria-label': `Vắng cả đại hội: ${d.fullName}`, on: { change: guard(async (e) => {
        await api(`/api/delegates/${d.id}/absence`, { method: 'PUT', body: { absentWholeCongress: e.target.checked } });
        flash(`Đã ghi ${e.target.checked ? 'vắng mặt' : 'có thể có mặt'}: ${d.fullName}.`);
        await loadDelegates();
      }) } });
    let replaces = el('span', { text: d.replacesDelegateId ? byId.get(d.replacesDelegateId)?.fullName ?? '' : '' });
    if (d.category === 'Alternate') {
      const select = el('select', { 'aria-label': `${d.fullName} thay cho`, on: { change: guard(async (e) => {
        await api(`/api/delegates/${d.id}/replacement`, { method: 'PUT', body: { replacesDelegateId: e.target.value || null } });
        flash(e.target.value ? `Đã triệu tập ${d.fullName} thay thế.` : `Đã rút triệu tập ${d.fullName}.`);
        await loadDelegates();
      }) } }, el('option', { value: '', text: '— chưa triệu tập —' }),
      ...absentOfficials.map((o) => el('option', { value: o.id, text: `${o.fullName} (${o.code})`, selected: o.id === d.replacesDelegateId })));
      replaces = select;
    }
    return el('tr', {}, el('td', { text: d.code }), el('td', { text: d.fullName }), el('td', { text: d.delegation }),
      el('td', { text: d.categoryName }), el('td', {}, absence), el('td', {}, replaces),
      el('td', {}, button(`Cấp lại (lần ${d.badgeVersion + 1})`, guard(async () => {
        if (!confirm(`Cấp lại thẻ cho ${d.fullName}? Thẻ cũ sẽ bị thu hồi.`)) return;
        const r = await api(`/api/badges/${encodeURIComponent(d.code)}/reissue`, { method: 'POST' });
        // During the congress the reissue waits for a counting-committee member (ADR 0010).
        flash(r?.requestId ? r.detail : `Đã cấp lại thẻ cho ${d.fullName}; hãy in thẻ mới.`);
        await loadDelegates();
      }))));
  }));
}
async function loadDelegates() {
  delegates = await api('/api/delegates');
  const a = await api('/api/attendance');
  $('attendance').textContent = `— có mặt ${fmt.format(a.present)}/${fmt.format(a.summoned)} (${a.sessionTitle ?? 'chưa chọn phiên'})`;
  $('base').textContent = `Tổng số đại biểu: ${a.baseExplanation}. ${a.warnings.join(' · ')}`;
  renderDelegates();
}
$('filter').addEventListener('input', renderDelegates);

// Import: preview (changes nothing), then commit the same file (all or nothing).
let previewed = null;
$('import-form').addEventListener('submit', guard(async (e) => {
  e.preventDefault();
  const file = e.target.file.files[0];
  const form = new FormData();
  form.append('file', file);
  $('import-commit').disabled = true;
  const out = $('import-result');
  swap(out);
  try {
    const p = await api('/api/import/delegates/preview', { method: 'POST', form });
    previewed = p.problems.length === 0 ? file : null;
    $('import-commit').disabled = !previewed;
    out.append(el('p', { text: `${p.rows} dòng: thêm ${p.toCreate}, cập nhật ${p.toUpdate}, không đổi ${p.unchanged}, đoàn mới ${p.newDelegations}.` }));
    if (p.problems.length) {
      out.append(el('p', { class: 'error', text: `${p.problems.length} lỗi — sửa tệp rồi tải lên lại:` }),
        el('ul', {}, ...p.problems.map((x) => el('li', { text: x.message }))));
    }
    out.append(el('table', {}, el('tbody', {}, ...p.preview.slice(0, 500).map((r) => el('tr', {},
      el('td', { text: r.row }), el('td', { text: r.code }), el('td', { text: r.fullName }),
      el('td', { text: r.delegation }), el('td', { text: r.category }),
      el('td', { text: { create: 'thêm', update: 'cập nhật', unchanged: 'không đổi' }[r.action] }))))));
  } catch (err) {
    out.append(el('p', { class: 'error', text: err.message }));
    for (const x of err.problem?.problems ?? []) out.append(el('p', { class: 'error', text: x.message }));
  }
}));
$('import-commit').addEventListener('click', guard(async () => {
  if (!previewed) return;
  const form = new FormData();
  form.append('file', previewed);
  const r = await api('/api/import/delegates/commit', { method: 'POST', form });
  const done = `Đã nhập: thêm ${r.toCreate}, cập nhật ${r.toUpdate}.`;
  flash(done);
  // Shown where the organiser is: the import section, not only the top of a long page.
  swap($('import-result'), el('p', { class: 'ok', role: 'status', text: done }));
  $('import-result').scrollIntoView({ block: 'nearest' });
  $('import-commit').disabled = true;
  await loadDelegates();
}));

// Accounts. During the congress a new account, a reset and an unlock wait for a counting-committee
// member (202, ADR 0010); the temporary password is collected once from the request, after approval.
// Every password the server makes is temporary: the person sets their own at the first sign-in.
const held = (r) => r && r.requestId;

async function loadAccounts() {
  const accounts = await api('/api/accounts');
  swap($('account-rows'), ...accounts.map((a) => el('tr', {},
    el('td', { text: a.userName }), el('td', { text: a.displayName }),
    el('td', { text: a.roleName + (a.disabled ? ' (đã khóa)' : '') + (a.mustChangePassword ? ' · Chưa đổi mật khẩu tạm' : '') }),
    // A presidium account is the presidium's to reset and unlock, never the organiser's (ADR 0010).
    a.role === 'presidium' ? el('td', { class: 'muted', text: 'Do Đoàn Chủ tịch quản lý' }) : el('td', {}, button('Đặt lại mật khẩu', guard(async () => {
      if (!confirm(`Đặt lại mật khẩu của ${a.userName}? Mật khẩu cũ và mọi phiên đăng nhập của tài khoản này hết hiệu lực.`)) return;
      const r = await api(`/api/accounts/${a.id}/reset-password`, { method: 'POST' });
      if (held(r)) { flash(r.detail); await loadRequests(); } else showPassword(a.userName, r.password);
      await loadAccounts();
    })), a.disabled
      ? button('Mở khóa', guard(async () => {
        const r = await api(`/api/accounts/${a.id}/enable`, { method: 'POST' });
        if (held(r)) { flash(r.detail); await loadRequests(); }
        await loadAccounts();
      }))
      : button('Khóa', guard(async () => {
        if (!confirm(`Khóa tài khoản ${a.userName}? Mọi phiên đăng nhập của tài khoản này kết thúc ngay.`)) return;
        await api(`/api/accounts/${a.id}/disable`, { method: 'POST' });
        await loadAccounts();
      }))))));
}
$('account-form').addEventListener('submit', guard(async (e) => {
  e.preventDefault();
  const f = e.target;
  const r = await api('/api/accounts', { method: 'POST', body: { userName: f.userName.value, displayName: f.displayName.value, role: f.role.value } });
  if (held(r)) { flash(r.detail); await loadRequests(); } else showPassword(r.account.userName, r.password);
  f.reset();
  await loadAccounts();
}));

// Account requests held for the committee: pending, and once approved the temporary password, once.
async function loadRequests() {
  const board = await api('/api/duties');
  const mine = [...board.pending, ...board.decided].filter((r) => r.accountUserName);
  swap($('account-requests'), ...mine.map((r) => el('li', {},
    `${r.kindVi}: ${r.accountUserName} (${r.accountRoleVi}) — ${r.stateVi}${r.outcome ? ': ' + r.outcome : ''} `,
    r.state === 'approved' && (r.kind === 'account-create' || r.kind === 'account-password-reset')
      ? button('Nhận mật khẩu tạm', guard(async () => {
        const result = await api(`/api/duties/${r.id}`);
        if (result.temporaryPassword) showPassword(r.accountUserName, result.temporaryPassword);
        else flash('Mật khẩu tạm đã được nhận (chỉ giao một lần, cho người đã gửi yêu cầu). Nếu cần, đặt lại mật khẩu.', true);
        await loadAccounts();
      }))
      : '')));
}

// Display keys
async function loadDisplays() {
  const keys = await api('/api/display-keys');
  swap($('display-rows'), ...keys.map((k) => el('tr', {},
    el('td', { text: k.name + (k.revoked ? ' (đã thu hồi)' : '') }), el('td', { text: new Date(k.createdAt).toLocaleString('vi-VN') }),
    el('td', {}, k.revoked ? '' : button('Thu hồi', guard(async () => { await api(`/api/display-keys/${k.id}/revoke`, { method: 'POST' }); await loadDisplays(); }))))));
}
$('display-form').addEventListener('submit', guard(async (e) => {
  e.preventDefault();
  const r = await api('/api/display-keys', { method: 'POST', body: { name: e.target.name.value } });
  const url = location.origin + r.projectorUrl;
  prompt('Địa chỉ màn hình chiếu (chỉ hiện một lần):', url);
  e.target.reset();
  await loadDisplays();
}));

$('audit-verify').addEventListener('click', guard(async () => {
  const r = await api('/api/audit/verify');
  $('audit-result').textContent = r.ok
    ? `Chuỗi nhật ký nguyên vẹn: ${fmt.format(r.entries)} mục. Mã băm cuối: ${r.headHash}`
    : `PHÁT HIỆN SAI LỆCH tại mục ${r.brokenAt}: ${r.reason}`;
  $('audit-result').className = r.ok ? 'ok' : 'error';
}));

const loadAll = guard(async () => { await Promise.all([loadCongress(), loadDelegates(), loadAccounts(), loadRequests(), loadDisplays()]); });
loadAll();
