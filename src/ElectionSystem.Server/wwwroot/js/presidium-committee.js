// Đoàn Chủ tịch records the counting committee the congress elected by open vote (ADR 0010):
// choose the passed vote, pick the delegates, mark the chair, save (PUT /api/elections/committee-members).
// The minutes print this list under "Ban Kiểm phiếu gồm các đồng chí:", chair first. Each member
// gets a one-time activation code, shown once here and on the printable slips
// (/presidium/activation-slips); "Cấp mã kích hoạt mới" gives one member a new code (during the
// congress after two committee members approve it: collected once with "Nhận", presidium-accounts.js).
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';
import { remember } from './presidium-accounts.js';

const SlipsKey = 'es.activationSlips';

let chosen = []; // [{ id, fullName, code, isChair }]

function problem(message) {
  $('committee-problem').hidden = !message;
  $('committee-problem').textContent = message || '';
}

// The codes just issued: on this console and on the slip page, in this tab only.
function showSlips(slips) {
  sessionStorage.setItem(SlipsKey, JSON.stringify(slips));
  $('committee-slips').hidden = false;
  swap($('committee-slip-list'), ...slips.map((s) => el('li', { 'data-slip': s.code || '' },
    `${s.fullName}${s.code ? ` (${s.code})` : ''}: `, el('b', { class: 'activation-code' }, s.activationCode))));
}

async function reissue(m) {
  if (!confirm(`Cấp mã kích hoạt mới cho ${m.fullName}? Mật khẩu Ban Kiểm phiếu và mọi phiên đăng nhập của đồng chí này sẽ hết hiệu lực.`)) return;
  problem(null);
  try {
    const r = await api(`/api/elections/committee-members/${m.delegateId}/activation`, { method: 'POST' });
    if (r.requestId) remember(r); else showSlips([r]);
  } catch (err) {
    problem(err.message);
  }
}

async function loadMembers() {
  const members = await api('/api/elections/committee-members');
  swap($('committee-members'), ...(members.length
    ? members.map((m) => el('li', {}, `${m.fullName}${m.code ? ` (${m.code})` : ''}${m.isChair ? ' — Trưởng ban' : ''} `,
      m.delegateId ? el('button', { type: 'button', class: 'secondary reissue', on: { click: () => reissue(m) } }, 'Cấp mã kích hoạt mới') : ''))
    : [el('li', { class: 'small' }, 'Chưa có thành viên nào: biên bản kiểm phiếu sẽ thiếu danh sách Ban Kiểm phiếu.')]));
  chosen = members.filter((m) => m.delegateId).map((m) => ({ id: m.delegateId, fullName: m.fullName, code: m.code, isChair: m.isChair }));
  drawChosen();
}

async function loadVotes() {
  const agenda = await api('/api/openvotes');
  const passed = (agenda?.votes || []).filter((v) => v.result?.passed);
  swap($('committee-vote'), ...(passed.length
    ? passed.map((v) => el('option', { value: v.id }, `Biểu quyết số ${v.ordinal}: ${v.title}`))
    : [el('option', { value: '' }, 'Chưa có biểu quyết nào được thông qua')]));
}

function drawChosen() {
  swap($('committee-chosen'), ...chosen.map((m) => {
    const chair = el('input', { type: 'radio', name: 'committee-chair', id: 'chair-' + m.id, checked: m.isChair,
      on: { change: () => { chosen.forEach((x) => { x.isChair = x === m; }); } } });
    return el('li', { 'data-member': m.code || m.id }, `${m.fullName} (${m.code}) `, chair,
      el('label', { for: 'chair-' + m.id }, 'Trưởng ban'), ' ',
      el('button', { type: 'button', class: 'secondary', on: { click: () => { chosen = chosen.filter((x) => x !== m); drawChosen(); } } }, 'Bỏ'));
  }));
}

let timer;
$('committee-search').addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const q = $('committee-search').value.trim();
    const list = $('committee-found');
    swap(list);
    if (q.length < 2) return;
    try {
      const found = await api('/api/delegates/search?q=' + encodeURIComponent(q));
      swap(list, ...found.slice(0, 10).map((d) => el('li', {}, `${d.fullName} — ${d.delegation} (${d.code}) `,
        el('button', { type: 'button', disabled: chosen.some((x) => x.id === d.id), on: { click: () => {
          chosen.push({ id: d.id, fullName: d.fullName, code: d.code, isChair: chosen.length === 0 });
          drawChosen();
          swap(list);
          $('committee-search').value = '';
        } } }, 'Chọn'))));
    } catch (e) {
      problem(e.message);
    }
  }, 250);
});

$('committee-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  problem(null);
  try {
    showSlips(await api('/api/elections/committee-members', { method: 'PUT', body: {
      openVoteId: $('committee-vote').value || null,
      members: chosen.map((m) => ({ delegateId: m.id, isChair: m.isChair })),
    } }));
    await loadMembers();
  } catch (err) {
    problem(err.message);
  }
});

document.addEventListener('es:activation-slip', (e) => showSlips([e.detail]));

Promise.all([loadMembers(), loadVotes()]).catch((e) => problem(e.message));
