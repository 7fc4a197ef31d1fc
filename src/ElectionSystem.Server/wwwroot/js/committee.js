// Ban Kiểm phiếu's screen (/committee). The page's cookie carries the member's sign-in; every
// figure comes from /api/committee, and the hub only says "something changed" (refetch).
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';
import { connectLive } from './kernel/live.js';
import { createStore } from './kernel/state.js';
import { fmt as nf, OUTCOME, roundState } from './kernel/words.js';
import { loadCeremony } from './committee-ceremony.js';
import { decryptionPanel, loadTotals } from './committee-decryption.js';

// rounds: the list; current: the chosen round's id; view: its figures; problem: the last action's
// error; confirmClose: the "close the round?" question is showing; totals: an encrypted round's
// totals after its close (null for a plaintext round), which the members decrypt.
const store = createStore({ rounds: [], current: null, view: null, totals: null, problem: null, confirmClose: false }, render);

async function loadRounds() {
  const rounds = await api('/api/committee/rounds');
  let { current } = store.get();
  if (!current && rounds.length) current = (rounds.find((r) => r.state !== 'announced') || rounds[rounds.length - 1]).roundId;
  const view = current ? await api(`/api/committee/rounds/${current}`) : null;
  const totals = await loadTotals(view);
  store.set({ rounds, current, view, totals });
}

async function choose(roundId) {
  store.set({ current: roundId, problem: null, confirmClose: false });
  await loadRounds().catch((e) => store.set({ problem: e.message }));
loadCeremony();
}

async function act(path, body) {
  let problem = null;
  try {
    await api(path, { method: 'POST', body: body ?? undefined });
  } catch (e) {
    problem = e.message;
  }
  store.set({ problem, confirmClose: false });
  await loadRounds().catch(() => {});
}

function render(s) {
  swap($('rounds'), ...s.rounds.map((r) => el('li', {}, el('button', {
    type: 'button', class: r.roundId === s.current ? 'current' : '',
    on: { click: () => choose(r.roundId) },
  }, `${r.electionTitle} — ${r.label} `, el('span', { class: 'state ' + r.state }, roundState(r.state))))));
  if (s.view) drawRound(s);
  else if (!s.rounds.length) swap($('rounds'), el('li', { class: 'muted' }, 'Chưa có lần bầu nào.'));
}

function resultTable(res) {
  const rows = res.candidates.map((c) => el('tr', { class: c.elected ? 'elected' : c.tied ? 'tied' : '' },
    el('td', { class: 'num' }, String(c.stt)), el('td', {}, c.fullName), el('td', { class: 'num' }, nf.format(c.votes)),
    el('td', { class: 'num' }, c.percentVi), el('td', {}, c.elected ? OUTCOME.elected : c.tied ? OUTCOME.tied : c.passedThreshold ? 'Đủ số phiếu' : OUTCOME.notElected)));
  return el('table', { id: 'tally' },
    el('thead', {}, el('tr', {}, el('th', {}, 'STT'), el('th', {}, 'Họ và tên'), el('th', { class: 'num' }, 'Số phiếu'), el('th', { class: 'num' }, 'Tỷ lệ'), el('th', {}, ''))),
    el('tbody', {}, ...rows));
}

function drawRound({ view: v, totals, problem, confirmClose }) {
  const parts = [
    el('h1', {}, v.electionTitle),
    el('p', {}, v.roundLabel, ' · ', el('span', { class: 'state ' + v.state, id: 'round-state' }, roundState(v.state)), ` · Số lượng cần bầu: ${v.seats}`),
    el('div', { class: 'figures' },
      el('span', {}, 'Số phiếu phát ra: ', el('b', { id: 'issued' }, nf.format(v.issued))),
      el('span', {}, 'Số phiếu thu vào: ', el('b', { id: 'collected' }, nf.format(v.collected)))),
    el('h2', {}, `Đại biểu đã bỏ phiếu (${v.voters.length}) — chỉ tên, không có nội dung phiếu`),
    el('div', { class: 'voters' }, ...v.voters.map((n) => el('div', {}, n))),
  ];
  if (v.state === 'open') {
    parts.push(el('h2', {}, `Đại biểu chưa bỏ phiếu (${v.notVoted.length}) — chỉ tên`),
      el('div', { class: 'voters', id: 'not-voted' }, ...v.notVoted.map((n) => el('div', {}, n))));
  }
  if (totals) parts.push(decryptionPanel(totals, () => loadRounds().catch(() => {})));
  if (problem) parts.push(el('p', { class: 'problem', role: 'alert' }, problem));
  const actions = el('div', { class: 'actions' });
  if (v.state === 'open') {
    if (!confirmClose) actions.append(el('button', { type: 'button', id: 'close', on: { click: () => store.set({ confirmClose: true }) } }, 'Đóng lần bầu'));
    else actions.append(el('span', {}, 'Đóng lần bầu: không nhận thêm phiếu. '),
      el('button', { type: 'button', id: 'close-confirm', on: { click: () => act(`/api/committee/rounds/${v.roundId}/close`) } }, 'Xác nhận đóng'),
      el('button', { type: 'button', class: 'secondary', on: { click: () => store.set({ confirmClose: false }) } }, 'Thôi'));
  }
  if (v.result) {
    const r = v.result;
    parts.push(el('h2', {}, 'Kết quả kiểm phiếu'),
      el('p', {}, `Tổng số đại biểu: ${nf.format(r.base)} · Phát ra: ${nf.format(r.issued)} · Thu vào: ${nf.format(r.collected)} · Hợp lệ: `,
        el('b', { id: 'valid' }, nf.format(r.valid)), ` · Không hợp lệ: ${nf.format(r.invalid)}`),
      r.invalidByReason.length ? el('ul', {}, ...r.invalidByReason.map((i) => el('li', {}, `${i.labelVi}: ${nf.format(i.count)}`))) : null,
      resultTable(r),
      el('p', { class: 'statement' }, 'Trúng cử: ' + (r.elected.map((e) => `${e.fullName} (${e.percentVi})`).join(', ') || 'không có ai')),
      r.tieStatementVi ? el('p', { class: 'statement' }, r.tieStatementVi) : null,
      r.vacancyStatementVi ? el('p', { class: 'statement' }, r.vacancyStatementVi) : null,
      el('p', {}, 'Xác nhận: ' + (v.confirmations.map((c) => `${c.by} (${new Date(c.at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })})`).join(', ') || 'chưa có'), ` — cần hai thành viên khác nhau.`));
    if (v.state === 'closed') actions.append(el('button', { type: 'button', id: 'confirm', on: { click: () => act(`/api/committee/rounds/${v.roundId}/confirm`) } }, 'Xác nhận kết quả'));
    if (v.state === 'closed' || v.state === 'confirmed') {
      const order = el('select', { id: 'order' }, el('option', { value: 'ballot' }, 'Thứ tự trên phiếu'), el('option', { value: 'votes' }, 'Thứ tự số phiếu'));
      actions.append(order, el('button', { type: 'button', id: 'announce', disabled: v.state !== 'confirmed',
        on: { click: () => act(`/api/committee/rounds/${v.roundId}/announce`, { order: order.value }) } }, 'Công bố kết quả'));
    }
    actions.append(
      el('a', { href: `/minutes/${v.roundId}`, target: '_blank', id: 'minutes-print' }, 'Biên bản kiểm phiếu (in)'),
      el('a', { href: `/api/minutes/rounds/${v.roundId}.docx`, id: 'minutes-docx' }, 'Biên bản (.docx)'),
      el('a', { href: `/api/committee/rounds/${v.roundId}/record.json`, id: 'record' }, 'Biên bản điện tử (election-record/1)'));
    parts.push(actions, el('p', {}, 'SHA-256 của biên bản điện tử: ', el('span', { class: 'hash', id: 'sha' }, v.recordSha256 || '')));
    if (v.nextStep) parts.push(el('p', { class: 'statement', id: 'next-step' }, 'Bước tiếp theo: ' + v.nextStep.messageVi));
  } else {
    parts.push(actions, el('p', { class: 'muted' }, totals ? 'Kết quả hiện khi đủ số thành viên đã giải mã.' : 'Kết quả chỉ hiện sau khi đóng lần bầu.'));
  }
  swap($('round'), ...parts.filter((p) => p != null));
}

// Approvals (ADR 0010): pending and decided requests, accounts made or reset since the congress
// opened, every member activation code the presidium issued and each member's own activation. A member approves or refuses from their own session; the server refuses anyone else.
async function loadDuties() {
  let board;
  try {
    board = await api('/api/duties');
  } catch (e) {
    swap($('duties'), el('p', { class: 'problem' }, e.message));
    return;
  }
  const when = (t) => new Date(t).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });
  const decide = (id, verb) => api(`/api/duties/${id}/${verb}`, { method: 'POST' })
    .then(loadDuties, (e) => $('duties').prepend(el('p', { class: 'problem', role: 'alert' }, e.message)));
  // An account request names the account and its role; a request about a member's own delegate
  // needs two other members ("1/2 thành viên đã duyệt").
  const subject = (r) => (r.accountUserName ? `tài khoản ${r.accountUserName} (${r.accountRoleVi})` : `${r.delegateName} (${r.delegateCode})`);
  const row = (r) => el('li', { 'data-duty': r.id },
    `${r.kindVi}: ${subject(r)} — ${r.requestedBy}, ${when(r.requestedAt)} · `,
    el('b', {}, r.stateVi), r.decidedBy ? ` bởi ${r.decidedBy}${r.outcome ? ': ' + r.outcome : ''}` : '',
    r.state === 'pending' && r.approvalsNeeded > 1 ? el('span', { class: 'approvals' }, ` · ${r.approvalsVi}${r.firstApprovedBy ? ' (' + r.firstApprovedBy + ')' : ''}`) : '',
    ...(r.state === 'pending' ? [' ',
      el('button', { type: 'button', class: 'approve', on: { click: () => decide(r.id, 'approve') } }, 'Duyệt'),
      el('button', { type: 'button', class: 'secondary', on: { click: () => decide(r.id, 'refuse') } }, 'Từ chối')] : []));
  swap($('duties'),
    el('h3', {}, `Chờ duyệt (${board.pending.length})`), el('ul', { id: 'duties-pending' }, ...board.pending.map(row)),
    el('h3', {}, 'Đã quyết định'), el('ul', { id: 'duties-decided' }, ...board.decided.map(row)),
    el('h3', {}, 'Tài khoản tạo hoặc đặt lại trong Đại hội'),
    el('ul', { id: 'duties-accounts' }, ...board.accounts.map((a) => el('li', {}, `${when(a.at)} ${a.actionVi}: ${a.account} — ${a.by}`))),
    el('h3', {}, 'Kích hoạt thành viên'),
    el('ul', { id: 'duties-activations' }, ...(board.activations || []).map((a) => el('li', {}, `${when(a.at)} ${a.actionVi}: ${a.member} — ${a.by}`))),
    el('h3', {}, 'Thành viên Ban Kiểm phiếu'),
    el('ul', {}, ...board.members.map((m) => el('li', {}, `${m.fullName}${m.code ? ' (' + m.code + ')' : ''}${m.isChair ? ' — Trưởng ban' : ''}`))));
}

const refetch = () => { loadDuties(); return loadRounds().catch(() => {}); };
connectLive({
  handlers: {
    TurnoutChanged: (t) => { if (t.rounds.some((r) => r.roundId === store.get().current)) refetch(); },
    RoundOpened: refetch,
    RoundClosed: refetch,
    ResultsAnnounced: refetch,
    AttendanceChanged: () => {},
    DutiesChanged: loadDuties,
    CeremonyChanged: loadCeremony,
  },
  onConnected: () => { loadCeremony(); return refetch(); },
  onStatus: (s) => { $('link').hidden = s === 'connected'; },
});

api('/api/auth/me').then((me) => { $('me').textContent = `${me.name} · ${me.roleName}`; }).catch(() => {});
loadRounds().catch((e) => store.set({ problem: e.message }));
loadCeremony();
