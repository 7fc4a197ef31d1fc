// Đoàn Chủ tịch starts the counting committee's key ceremony (issue 14): k of n, n = the committee's
// list as saved now (chair first). The members then run it on /committee, each from their own
// session; this panel follows it (CeremonyChanged from the hub, through presidium.js). A round opened
// while the ceremony is ready is encrypted; once one has opened, no new ceremony can start.
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';

const STATE_VI = {
  keys: 'chờ các thành viên gửi khóa công khai',
  dealing: 'các thành viên đang chia khóa',
  verifying: 'các thành viên đang kiểm tra phần khóa',
  ready: 'đã có khóa chung: các lần bầu mở từ bây giờ dùng phiếu mã hóa',
  failed: 'thất bại',
};

function problem(message) {
  $('ceremony-problem').hidden = !message;
  $('ceremony-problem').textContent = message || '';
}

export async function loadCeremony() {
  let c = null;
  try {
    c = await api('/api/ceremony');
  } catch (e) {
    if (e.status !== 404) { problem(e.message); return; }
  }
  if (!c) {
    swap($('ceremony-status'), el('p', { class: 'small' }, 'Chưa có lễ tạo khóa: các lần bầu dùng phiếu không mã hóa như trước.'));
    return;
  }
  const done = (flag) => (flag ? '✓' : '—');
  swap($('ceremony-status'),
    el('p', {}, `Lễ tạo khóa: cần ${c.k} trong ${c.n} thành viên — `, el('b', { id: 'ceremony-state' }, STATE_VI[c.state] || c.state)),
    c.failure ? el('p', { class: 'problem' }, c.failure) : '',
    el('ul', {}, ...c.members.map((m) => el('li', {},
      `${m.index}. ${m.fullName} (${m.code}) — đã gửi khóa ${done(m.keyPosted)} · đã chia ${done(m.dealt)} · đã kiểm tra ${done(m.verified)}`))));
}

$('ceremony-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  problem(null);
  const k = Number($('ceremony-k').value);
  if (!confirm(`Bắt đầu lễ tạo khóa mới: cần ${k} thành viên Ban Kiểm phiếu để giải mã kết quả? Lễ tạo khóa đang dở (nếu có) sẽ bị thay thế.`)) return;
  try {
    await api('/api/ceremony', { method: 'POST', body: { k } });
  } catch (err) {
    problem(err.message);
  }
  await loadCeremony();
});

export const handlers = { CeremonyChanged: loadCeremony };
