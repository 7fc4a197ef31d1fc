// Presidium console, elections: the list of elections with their rounds, the candidate list in
// ballot order with the surplus rule's verdict, and what the presidium does (create, add, withdraw
// by a passed open vote, create the next round, open a round). Every rule is the server's: the page
// shows GET /api/elections (list + verdict) and GET next-step, and sends what the presidium chose.
// Closing, confirming and announcing are the counting committee's (/committee).
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';
import { roundState } from './kernel/words.js';

// The API's words for elections, translated once (round states are the kernel's, shared).
const KIND = { 'executive-committee': 'Ban Chấp hành', delegation: 'Đoàn đại biểu', other: 'Khác', 'nomination-poll': 'Phiếu xin ý kiến' };
const STATUS = { listed: 'Trong danh sách', admitted: 'Bổ sung theo phiếu xin ý kiến', withdrawn: 'Đã rút' };
const CREATE_ROUND = {
  'first-round': 'Tạo lần bầu thứ nhất',
  'tie-break': 'Tạo lần bầu lại giữa những người bằng phiếu',
  'another-round': 'Tạo lần bầu tiếp theo',
  alternates: 'Tạo lần bầu đại biểu dự khuyết',
};

const cards = new Map();
let elections = [];
let steps = {};
let turnout = {};
let passedVotes = [];
let timer = null;

function show(problem, text) {
  problem.hidden = !text;
  problem.textContent = text || '';
}

// Runs an action; its error (the API's Vietnamese detail) goes next to it.
async function run(problem, action) {
  try {
    await action();
    show(problem, null);
    await load();
    return true;
  } catch (e) {
    show(problem, e.message);
    return false;
  }
}

/** The closed open votes of the session that passed (the API's verdict), for citing a decision. */
export function setVotes(votes) {
  passedVotes = votes.filter((v) => v.state === 'Closed' && v.result?.passed);
  // The choices of "which vote decided it" are drawn with the list.
  if (elections.length) render();
}

function voteSelect(name) {
  const select = el('select', { name, required: true },
    el('option', { value: '', text: passedVotes.length ? '— Chọn biểu quyết đã thông qua —' : '— Chưa có biểu quyết nào được thông qua —' }),
    ...passedVotes.map((v) => el('option', { value: v.id, text: `${v.ordinal}. ${v.title} (${v.result.for} tán thành)` })));
  return select;
}

const chosenVote = (select) => passedVotes.find((v) => v.id === select.value);

export async function load() {
  const [list, rows] = await Promise.all([api('/api/elections'), api('/api/elections/turnout').catch(() => null)]);
  const next = await Promise.all(list.map((e) => api(`/api/elections/${e.id}/next-step`).catch(() => null)));
  elections = list;
  steps = Object.fromEntries(list.map((e, i) => [e.id, next[i]]));
  if (rows) turnout = Object.fromEntries(rows.rounds.map((r) => [r.roundId, r]));
  render();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => load().catch(() => {}), 200);
}

function render() {
  const box = $('elections');
  $('elections-empty').hidden = elections.length > 0;
  for (const e of elections) {
    let c = cards.get(e.id);
    if (!c) {
      c = buildCard(e.id);
      cards.set(e.id, c);
      box.append(c.root);
    }
    fill(c, e, steps[e.id]);
  }
}

function buildCard(id) {
  const c = {};
  c.root = el('article', { class: 'election', 'data-election': id });
  c.head = el('header', { class: 'election-head' });
  c.rounds = el('table', { class: 'agenda rounds' });
  c.next = el('div', { class: 'next' });
  c.roundProblem = el('p', { class: 'problem', role: 'alert', hidden: true });
  c.verdict = el('p', { class: 'verdict' });
  c.list = el('table', { class: 'agenda names' });
  c.withdrawn = el('p', { class: 'small withdrawn' });
  c.listProblem = el('p', { class: 'problem', role: 'alert', hidden: true });
  c.add = addForm(id);
  c.root.append(c.head,
    el('h4', { text: 'Các lần bầu' }), c.rounds, c.next, c.roundProblem,
    el('h4', { text: 'Danh sách bầu cử (theo thứ tự trên phiếu bầu)' }), c.verdict, c.list, c.withdrawn, c.listProblem,
    c.add.root);
  return c;
}

function fill(c, e, step) {
  // One list, one ballot: once a round exists its ballot is fixed; delete the draft round to change the list.
  const started = e.rounds.length > 0;
  swap(c.head, 
    el('h3', { text: e.title }),
    el('div', { class: 'meta', text: [KIND[e.kind] || e.kind, e.kind === 'nomination-poll' ? null : `Số lượng cần bầu: ${e.seats}`,
      e.alternateSeats ? `Dự khuyết: ${e.alternateSeats}` : null].filter(Boolean).join(' · ') }));

  // Rounds and their states; opening a draft round is the presidium's, the rest the committee's.
  swap(c.rounds, el('thead', {}, el('tr', {}, ...['Lần bầu', 'Trạng thái', 'Số lượng cần bầu', 'Đã bỏ phiếu', 'Thao tác'].map((t) => el('th', { text: t })))));
  const body = el('tbody');
  if (e.rounds.length === 0) body.append(el('tr', {}, el('td', { colspan: 5, class: 'small', text: 'Chưa tạo lần bầu nào.' })));
  for (const r of e.rounds) {
    const action = el('td');
    if (r.state === 'draft') {
      action.append(el('button', { type: 'button', class: 'primary', text: 'Mở lần bầu',
        on: { click: () => run(c.roundProblem, () => api(`/api/elections/rounds/${r.id}/open`, { method: 'POST' })) } }));
      action.append(el('button', { type: 'button', text: 'Xóa lần bầu nháp',
        on: { click: () => confirm(`Xóa ${r.label} (nháp) để sửa danh sách?`) && run(c.roundProblem, () => api(`/api/elections/rounds/${r.id}`, { method: 'DELETE' })) } }));
    } else if (r.state !== 'announced') {
      action.append(el('a', { href: '/committee', text: 'Đóng, xác nhận, công bố: Ban Kiểm phiếu' }));
    }
    body.append(el('tr', { 'data-round': r.id },
      el('td', { text: r.label }),
      el('td', { class: 'round-' + r.state, text: roundState(r.state) }),
      el('td', { text: String(r.seats) }),
      el('td', { class: 'turnout', text: r.state === 'open' ? turnout[r.id]?.textVi || '' : '' }),
      action));
  }
  c.rounds.append(body);

  // What comes next, as the rule book (the server) says.
  swap(c.next);
  if (step) {
    c.next.append(el('p', { class: 'step', text: step.messageVi }));
    if (CREATE_ROUND[step.step]) {
      const form = el('form', { class: 'inline' });
      const select = step.needsDecision ? voteSelect('decidedBy') : null;
      if (select) form.append(el('label', { text: 'Theo biểu quyết của Đại hội: ' }, select));
      form.append(el('button', { type: 'submit', class: 'primary', text: CREATE_ROUND[step.step] }));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const vote = select ? chosenVote(select) : null;
        run(c.roundProblem, () => api(`/api/elections/${e.id}/rounds`, { method: 'POST', body: { decidingVoteId: vote ? vote.id : null } }));
      });
      c.next.append(form);
    }
  }

  // The list in ballot order and the surplus rule's verdict.
  const list = e.list;
  c.verdict.textContent = list?.messageVi || '';
  c.verdict.className = 'verdict' + (list?.surplusAllowed === true ? ' ok' : list?.surplusAllowed === false ? ' bad' : '');
  swap(c.list, el('thead', {}, el('tr', {}, ...['STT', 'Họ và tên', 'Đơn vị', 'Năm sinh', 'Thao tác'].map((t) => el('th', { text: t })))));
  const names = el('tbody');
  for (const n of list?.inBallotOrder || []) {
    const action = el('td');
    if (!started) {
      action.append(el('button', { type: 'button', text: 'Xin rút (theo biểu quyết)', on: { click: () => withdrawForm(c, e, n, action) } }));
    }
    names.append(el('tr', { 'data-candidate': n.candidateId },
      el('td', { text: String(n.stt) }),
      el('td', { text: n.fullName + (n.status === 'admitted' ? ' (' + STATUS.admitted + ')' : '') }),
      el('td', { text: n.delegation || '' }),
      el('td', { text: n.birthYear ? String(n.birthYear) : '' }),
      action));
  }
  c.list.append(names);
  const gone = e.candidates.filter((x) => x.status === 'withdrawn');
  c.withdrawn.textContent = gone.length ? `${STATUS.withdrawn}: ` + gone.map((x) => `${x.fullName} (${x.decidedBy})`).join('; ') : '';
  c.add.root.hidden = started;
}

function withdrawForm(c, e, n, cellEl) {
  if (cellEl.querySelector('form')) return;
  const select = voteSelect('vote');
  const form = el('form', { class: 'inline' },
    el('label', { text: 'Đại hội đã biểu quyết: ' }, select),
    el('button', { type: 'submit', class: 'primary', text: 'Rút tên' }),
    el('button', { type: 'button', text: 'Thôi', on: { click: () => form.remove() } }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const vote = chosenVote(select);
    if (!vote) return;
    run(c.listProblem, () => api(`/api/elections/${e.id}/candidates/${n.candidateId}/withdraw`,
      { method: 'POST', body: { openVoteId: vote.id } }));
  });
  cellEl.append(form);
}

// Add a candidate: a delegate found by name without diacritics, or a name typed in.
function addForm(id) {
  const problem = el('p', { class: 'problem', role: 'alert', hidden: true });
  const search = el('input', { type: 'search', class: 'search', placeholder: 'Tìm đại biểu: gõ tên không dấu, ví dụ nguyen van an', 'aria-label': 'Tìm đại biểu' });
  const found = el('ul', { class: 'found' });
  const name = el('input', { type: 'text', class: 'typed', maxlength: 200, placeholder: 'Hoặc nhập họ và tên người ứng cử', 'aria-label': 'Họ và tên người ứng cử' });
  const add = (body) => run(problem, async () => {
    await api(`/api/elections/${id}/candidates`, { method: 'POST', body });
    search.value = '';
    name.value = '';
    swap(found);
  });
  let typing;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const q = search.value.trim();
      if (q.length < 2) { swap(found); return; }
      try {
        const people = await api('/api/delegates/search?q=' + encodeURIComponent(q));
        if (search.value.trim() !== q) return;
        swap(found, ...people.map((d) => el('li', {}, el('button', { type: 'button',
          text: `${d.fullName} — ${d.delegation || ''} (${d.code})`,
          on: { click: () => add({ fullName: d.fullName, birthDate: d.birthDate, delegation: d.delegation, delegateId: d.id }) } }))));
        if (people.length === 0) swap(found, el('li', { class: 'small', text: 'Không tìm thấy đại biểu nào.' }));
        show(problem, null);
      } catch (e) {
        show(problem, e.message);
      }
    }, 200);
  });
  const typed = el('form', { class: 'inline' }, name, el('button', { type: 'submit', text: 'Thêm vào danh sách' }));
  typed.addEventListener('submit', (ev) => {
    ev.preventDefault();
    add({ fullName: name.value });
  });
  const root = el('div', { class: 'add' }, el('h4', { text: 'Thêm người ứng cử' }), search, found, typed, problem);
  return { root };
}

function setupCreate() {
  const form = $('create-election');
  const kind = $('election-kind');
  const syncKind = () => {
    $('alternates-row').hidden = kind.value !== 'delegation';
    $('seats-row').hidden = kind.value === 'nomination-poll';
  };
  kind.addEventListener('change', syncKind);
  syncKind();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {
      kind: kind.value,
      title: $('election-title').value,
      seats: Number($('election-seats').value || 0),
      alternateSeats: kind.value === 'delegation' ? Number($('election-alternates').value || 0) : 0,
    };
    if (await run($('election-problem'), () => api('/api/elections', { method: 'POST', body }))) {
      form.reset();
      syncKind();
    }
  });
}

/** Hub messages: a round changed state or results were announced (refetch); turnout (update in place). */
export const handlers = {
  RoundOpened: schedule,
  RoundClosed: schedule,
  ResultsAnnounced: schedule,
  TurnoutChanged: (m) => {
    turnout = Object.fromEntries(m.rounds.map((r) => [r.roundId, r]));
    // A round open here but unknown to this page: another console opened it, refetch.
    const known = new Set(elections.flatMap((e) => e.rounds.filter((r) => r.state === 'open').map((r) => r.id)));
    if (m.rounds.some((r) => !known.has(r.roundId))) { schedule(); return; }
    for (const cell of document.querySelectorAll('#elections tr[data-round] .turnout')) {
      const row = turnout[cell.parentElement.dataset.round];
      cell.textContent = row ? row.textVi : '';
    }
  },
};

setupCreate();
