// Presidium console: agenda (GET /api/openvotes), create / open / close / show of hands, the live
// count of the open vote (hub OpenVoteTallyChanged) and attendance + Base (hub AttendanceChanged);
// elections are in presidium-elections.js, the key ceremony in presidium-ceremony.js. One hub connection (kernel/live.js) for both.
// The render functions only draw; the hub handlers and buttons fetch, then draw.
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';
import { connectLive } from './kernel/live.js';
import { OPEN_VOTE_STATE } from './kernel/words.js';
import * as elections from './presidium-elections.js';
import * as ceremony from './presidium-ceremony.js';

let agenda = null;

/** Awaits an API call; its error (the Vietnamese detail) shows in the page's problem line, and gives null. */
async function shown(call) {
  try {
    const result = await call;
    showProblem(null);
    return result ?? {};
  } catch (e) {
    showProblem(e.message);
    return null;
  }
}

function showProblem(text) {
  $('problem').hidden = !text;
  $('problem').textContent = text || '';
}

const cell = (text, cls) => el('td', { class: cls, text });
const button = (text, onClick, primary) => el('button', { type: 'button', class: primary ? 'primary' : null, text, on: { click: onClick } });

function renderAgenda() {
  $('session').textContent = agenda.sessionTitle || 'Chưa chọn phiên họp hiện tại';
  const body = $('agenda');
  swap(body);
  const anyOpen = agenda.votes.some((v) => v.state === 'Open');
  for (const v of agenda.votes) {
    const tr = el('tr', { 'data-vote': v.id });
    tr.append(cell(String(v.ordinal)));
    const title = cell(v.title + (v.anonymous ? ' (không ghi danh)' : '') + (v.liveCounts ? ' (số phiếu trực tiếp)' : ''));
    tr.append(title);
    tr.append(cell(OPEN_VOTE_STATE[v.state], 'state-' + v.state));
    tr.append(cell(v.result ? v.result.decision + (v.result.method === 'ShowOfHands' ? ' · giơ tay' : '') : ''));
    const actions = el('td');
    if (v.state === 'Draft') {
      const open = button('Mở biểu quyết', () => act(`/api/openvotes/${v.id}/open`), true);
      open.disabled = anyOpen;
      actions.append(open, button('Nhập kết quả giơ tay', () => showHands(actions, v, 'POST')));
    } else if (v.state === 'Open') {
      actions.append(button('Kết thúc biểu quyết', () => {
        if (confirm(`Kết thúc biểu quyết “${v.title}”?`)) act(`/api/openvotes/${v.id}/close`);
      }, true));
    } else if (v.decisionPrintedAt) {
      actions.append(el('span', { class: 'printed', text: 'Đã in quyết định' }));
    } else if (v.state === 'Closed') {
      // Until the decision is printed a typed show of hands can be corrected (audited); printing makes it final.
      if (v.result?.method === 'ShowOfHands') actions.append(button('Sửa kết quả giơ tay', () => showHands(actions, v, 'PUT')));
      actions.append(button('Đã in quyết định', () => {
        if (confirm(`Ghi nhận quyết định “${v.title}” đã được in? Sau đó không sửa kết quả được nữa.`)) act(`/api/openvotes/${v.id}/printed`);
      }));
    }
    tr.append(actions);
    body.append(tr);
  }
}

/** The figures a person typed, said back before they are sent (issue 11: a manual figure is confirmed). */
function handsQuestion(vote, body, method) {
  const total = body.for + body.against + body.abstain;
  const present = Number($('present').textContent);
  return `${method === 'PUT' ? 'Sửa' : 'Gửi'} kết quả giơ tay “${vote.title}”:\n`
    + `Tán thành ${body.for} · Không tán thành ${body.against} · Không biểu quyết ${body.abstain}\n`
    + `Tổng ${total} / có mặt ${present}${total > present ? ' — VƯỢT QUÁ SỐ CÓ MẶT' : ''}`;
}

function showHands(container, vote, method) {
  if (container.querySelector('form')) return;
  const form = $('hands').content.firstElementChild.cloneNode(true);
  if (method === 'PUT' && vote.result) {
    form.elements.for.value = vote.result.for;
    form.elements.against.value = vote.result.against;
    form.elements.abstain.value = vote.result.abstainChosen;
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = { for: Number(data.get('for')), against: Number(data.get('against')), abstain: Number(data.get('abstain')) };
    if (!confirm(handsQuestion(vote, body, method))) return;
    if (await shown(api(`/api/openvotes/${vote.id}/show-of-hands`, { method, body }))) await loadAgenda();
  });
  form.querySelector('[data-cancel]').addEventListener('click', () => form.remove());
  container.append(form);
}

async function act(path) {
  if (await shown(api(path, { method: 'POST' }))) await loadAgenda();
}

async function loadAgenda() {
  const result = await shown(api('/api/openvotes'));
  if (result) {
    agenda = result;
    renderAgenda();
    elections.setVotes(agenda.votes);
  }
}

function renderAttendance(a) {
  $('present').textContent = a.present;
  $('summoned').textContent = a.summoned;
  $('base').textContent = a.baseValue;
  $('base-explain').textContent = a.baseExplanation;
  swap($('warnings'), ...a.warnings.map((w) => el('p', { text: w })));
}

function renderLive(vote) {
  $('live').hidden = !vote;
  if (!vote) return;
  $('live-title').textContent = (vote.state === 'Open' ? 'Đang biểu quyết: ' : 'Kết quả: ') + vote.title;
  $('live-for').textContent = vote.for;
  $('live-against').textContent = vote.against;
  $('live-abstain').textContent = vote.abstain;
  $('live-notyet').textContent = vote.notYetVoted;
  $('live-decision').textContent = vote.result ? vote.result.decision : '';
}

/** The live count changed: draw it; if another console (or this one) changed a vote's state, refetch the agenda. */
async function liveChanged(vote) {
  renderLive(vote);
  if (!vote) return;
  const shown = agenda?.votes.find((v) => v.id === vote.voteId);
  if (!shown || shown.state !== vote.state) await loadAgenda();
}

$('create').addEventListener('submit', async (e) => {
  e.preventDefault();
  const body = { title: $('title').value, description: $('description').value, anonymous: $('anonymous').checked, liveCounts: $('liveCounts').checked };
  if (await shown(api('/api/openvotes', { method: 'POST', body }))) {
    $('create').reset();
    await loadAgenda();
  }
});

async function refreshAll() {
  await loadAgenda();
  const attendance = await shown(api('/api/attendance'));
  if (attendance) renderAttendance(attendance);
  const live = await shown(api('/api/openvotes/live'));
  if (live) await liveChanged(live.vote);
  await elections.load().catch((e) => showProblem(e.message));
  await ceremony.loadCeremony();
}

connectLive({
  handlers: {
    AttendanceChanged: renderAttendance,
    OpenVoteTallyChanged: (m) => liveChanged(m.vote),
    ...elections.handlers,
    ...ceremony.handlers,
  },
  onConnected: refreshAll,
  onStatus: (s) => { $('link').hidden = s === 'connected'; },
});
// The page loads at once, whether or not the hub is up yet; each (re)connect refetches.
refreshAll();
