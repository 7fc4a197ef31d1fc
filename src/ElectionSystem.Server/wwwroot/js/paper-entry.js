// Trạm nhập phiếu (/entry). Keyboard only: one field has focus; Enter saves the ballot and moves on
// at once (saves go out in order behind the typing); F2/F3/F4 save a paper reason; Backspace on an
// empty field goes back one ballot. The server parses every entry (EntryText) and returns only this
// station's own entries.
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';

const keyCodes = { F2: '/t', F3: '/d', F4: '/k' };

const s = {
  rounds: [], round: null, bundle: 0, size: 0, station: 0,
  entries: new Map(), // index → { text, summary }
  index: 1,           // the ballot being typed
  typed: 0,           // highest ballot sent (optimistic)
  saved: 0,
  queue: Promise.resolve(),
  generation: 0,
  finished: false,
};

function say(text, kind = '') {
  $('message').textContent = text || '';
  $('message').className = 'message ' + kind;
}

async function loadRounds() {
  s.rounds = await api('/api/entry/rounds');
  const ready = s.rounds.filter((r) => r.entryAllowed);
  $('empty').hidden = ready.length > 0;
  $('setup').hidden = ready.length === 0;
  if (!ready.length) return;
  swap($('round-list'), ...ready.map((r) => el('li', { text: `${r.electionTitle} — ${r.roundLabel}` })));
  $('round-choice-label').hidden = ready.length < 2;
  pickRound(ready.length === 1 ? ready[0] : (ready.find((r) => r.roundId === s.round?.roundId) || null));
}

function pickRound(round) {
  s.round = round;
  $('round-title').textContent = round ? `${round.electionTitle} — ${round.roundLabel}` : '';
  const list = $('bundles');
  if (!round) { swap(list); return; }
  swap(list, ...round.bundles.map((b) => el('li', {
    class: b.station ? 'mine' : '',
    text: `Tập ${b.number} (${b.size} phiếu)` + (b.station ? ` — trạm ${b.station}: ${b.entered}/${b.size}${b.finished ? ', đã kết thúc' : ''}` : '')
      + (b.stationsTaken.length ? ` · trạm đã nhận: ${b.stationsTaken.join(', ')}` : ''),
  })));
  const next = round.bundles.find((b) => !b.finished && (b.station || b.stationsTaken.length < 3));
  if (next && !$('bundle').value) $('bundle').value = next.number;
}

async function start() {
  const ready = s.rounds.filter((r) => r.entryAllowed);
  if (ready.length > 1) pickRound(ready[Number($('round-choice').value) - 1] || null);
  if (!s.round) { say('Hãy chọn lần bầu (gõ số thứ tự trong danh sách).', 'error'); $('round-choice').focus(); return; }
  const station = Number($('station').value);
  const bundle = Number($('bundle').value);
  try {
    const mine = await api(`/api/entry/rounds/${s.round.roundId}/bundles/${bundle}/start`, { method: 'POST', body: { station } });
    localStorage.setItem('entry-station', String(station));
    begin(mine);
  } catch (e) {
    $('done').hidden = false;
    $('done').className = 'message error';
    $('done').textContent = e.message;
  }
}

function begin(mine) {
  Object.assign(s, { bundle: mine.number, size: mine.size, station: mine.station, finished: mine.finished, saved: mine.entries.length, typed: mine.entries.length });
  s.entries = new Map(mine.entries.map((e) => [e.index, e]));
  s.index = s.typed + 1;
  s.generation++;
  $('setup').hidden = true;
  $('done').hidden = true;
  $('entry').hidden = false;
  const marks = s.round.listKind !== 'with-surplus';
  $('marks-help').hidden = !marks;
  $('zero-help').textContent = marks ? 'Đồng ý tất cả' : 'Không gạch tên nào';
  $('text').setAttribute('aria-label', marks ? 'Số các dòng không đồng ý' : 'Số thứ tự các tên bị gạch');
  $('list-info').textContent = `Trạm ${s.station} · phiếu có ${s.round.names.length} tên (số 1–${s.round.names.length}), cần bầu ${s.round.seats}`;
  say('');
  draw();
  $('text').focus();
}

function draw() {
  const done = s.index > s.size;
  $('progress').textContent = done ? `Tập ${s.bundle} — đã nhập ${Math.min(s.saved, s.size)}/${s.size}` : `Tập ${s.bundle} — phiếu ${s.index}/${s.size}`;
  const prompt = done && s.saved >= s.size && !s.finished;
  $('finish-prompt').hidden = !prompt;
  $('finish-prompt').textContent = prompt
    ? `Đã nhập đủ ${s.size}/${s.size} phiếu của tập ${s.bundle}. Enter: kết thúc tập · Backspace: sửa phiếu cuối` : '';
  const recent = [...s.entries.values()].sort((a, b) => b.index - a.index).slice(0, 8);
  swap($('recent'), ...recent.map((e) => el('li', { value: e.index, text: `${e.text} — ${e.summary}` })));
}

/** A quick check before sending, so a slip is shown at once; the server decides. */
function precheck(text) {
  const t = text.trim();
  if (!t) return s.round.listKind === 'with-surplus' ? 'Chưa gõ gì: phiếu không gạch tên nào thì gõ 0.' : 'Chưa gõ gì: đồng ý tất cả thì gõ 0.';
  if (t.startsWith('/')) return null;
  for (const token of t.split(/[\s,.+]+/).filter(Boolean)) {
    const n = Number(token.replace(/^[-*]/, ''));
    if (!Number.isInteger(n)) return `"${token}" không phải số thứ tự trên phiếu.`;
    if (n > s.round.names.length) return `Số ${n} không có trên phiếu: phiếu có ${s.round.names.length} tên (số 1 đến ${s.round.names.length}).`;
  }
  return null;
}

function submit(text) {
  if (s.finished || s.index > s.size) return;
  const problem = precheck(text);
  if (problem) { say(problem, 'error'); return; }
  const index = s.index;
  const generation = s.generation;
  s.typed = Math.max(s.typed, index);
  s.index = s.typed + 1;
  $('text').value = '';
  say('');
  draw();
  s.queue = s.queue.then(async () => {
    if (generation !== s.generation) return;
    try {
      const r = await api(`/api/entry/rounds/${s.round.roundId}/bundles/${s.bundle}/ballots/${index}`, { method: 'PUT', body: { text } });
      if (generation !== s.generation) return;
      s.entries.set(index, { index, text: r.text, summary: r.summary });
      s.saved = s.entries.size;
      if (r.noteVi) say(`Phiếu ${index}: ${r.noteVi}`, 'note');
      draw();
    } catch (e) {
      if (generation !== s.generation) return;
      s.generation++;
      const lost = s.typed - index;
      s.typed = index - 1;
      s.index = index;
      $('text').value = text;
      say(`Phiếu ${index}: ${e.message}` + (lost > 0 ? ` (${lost} phiếu gõ sau chưa được lưu: gõ lại)` : ''), 'error');
      draw();
    }
  });
}

async function back() {
  if (s.finished || s.index <= 1) return;
  await s.queue;
  s.index = Math.min(s.index, s.typed + 1) - 1;
  const e = s.entries.get(s.index);
  $('text').value = e ? e.text : '';
  say(`Sửa phiếu ${s.index}: gõ lại rồi Enter.`, 'note');
  draw();
}

async function finish() {
  await s.queue;
  try {
    const mine = await api(`/api/entry/rounds/${s.round.roundId}/bundles/${s.bundle}/finish`, { method: 'POST' });
    s.finished = mine.finished;
    $('entry').hidden = true;
    $('done').hidden = false;
    $('done').className = 'done';
    $('done').textContent = `Tập ${mine.number} đã kết thúc: ${mine.entries.length} phiếu ở trạm ${mine.station}. Đưa tập phiếu sang trạm tiếp theo.`;
    $('bundle').value = '';
    await loadRounds();
    $('station').focus();
  } catch (e) {
    say(e.message, 'error');
  }
}

$('text').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    if (s.index > s.size) { if (s.saved >= s.size) finish(); return; }
    submit($('text').value);
  } else if (keyCodes[e.key]) {
    e.preventDefault();
    submit(keyCodes[e.key]);
  } else if (e.key === 'Backspace' && $('text').value === '') {
    e.preventDefault();
    back();
  }
});
// The field keeps the focus: a stray click elsewhere does not lose keystrokes.
$('text').addEventListener('blur', () => { if (!$('entry').hidden) setTimeout(() => $('text').focus(), 0); });
$('setup').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); start(); } });
// While choosing, the list of rounds and bundles follows the committee (a round closing, bundles added).
setInterval(() => { if ($('entry').hidden && document.activeElement?.id !== 'bundle') loadRounds().catch(() => {}); }, 5000);

(async () => {
  const me = await api('/api/auth/me').catch(() => null);
  if (me) $('me').textContent = `${me.name} — ${me.roleName}`;
  $('station').value = localStorage.getItem('entry-station') || '';
  await loadRounds();
  (s.rounds.filter((r) => r.entryAllowed).length > 1 ? $('round-choice') : $('station')).focus();
})();
