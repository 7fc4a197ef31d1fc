// Projector, secret elections: turnout while a round is open, results after the announcement.
// The display key comes in the page URL (?key=) and goes with every call and the hub connection.
const key = new URLSearchParams(location.search).get('key') || '';
const q = key ? '?key=' + encodeURIComponent(key) : '';
const $ = (id) => document.getElementById(id);
const nf = new Intl.NumberFormat('vi-VN');
const PAGE = 12;
let state = null;
let page = 0;
let pager = null;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) { if (k === 'class') e.className = v; else e.setAttribute(k, v); }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

async function refresh() {
  const r = await fetch('/api/elections/projector' + q, { credentials: 'same-origin' });
  if (r.ok) { state = await r.json(); draw(); }
}

function draw() {
  const open = state.turnout.rounds[0];
  if (open) { stopPaging(); return drawTurnout(open); }
  if (state.announced) return drawResults(state.announced);
  stopPaging();
  $('screen').replaceChildren(el('p', { class: 'idle' }, 'Bầu cử'));
}

function drawTurnout(t) {
  $('screen').replaceChildren(el('h1', {}, t.electionTitle), el('h2', {}, t.roundLabel),
    el('div', { class: 'turnout', id: 'turnout' }, el('small', {}, 'Đã bỏ phiếu'), `${nf.format(t.collected)}/${nf.format(t.issued)}`));
}

function stopPaging() { if (pager) { clearInterval(pager); pager = null; } }

function drawResults(r) {
  const rows = r.order === 'votes' ? [...r.candidates].sort((a, b) => b.votes - a.votes || a.stt - b.stt) : r.candidates;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  if (page >= pages) page = 0;
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
  const table = el('table', { id: 'results' },
    el('thead', {}, el('tr', {}, el('th', {}, 'STT'), el('th', {}, 'Họ và tên'), el('th', { class: 'num' }, 'Số phiếu'), el('th', { class: 'num' }, 'Tỷ lệ'), el('th', {}, ''))),
    el('tbody', {}, ...shown.map((c) => el('tr', { class: c.elected ? 'elected' : c.tied ? 'tied' : '' },
      el('td', {}, String(c.stt)), el('td', {}, c.fullName), el('td', { class: 'num' }, nf.format(c.votes)), el('td', { class: 'num' }, c.percentVi),
      el('td', { class: 'mark' }, c.elected ? 'Trúng cử' : c.tied ? 'Bằng phiếu' : '')))));
  $('screen').replaceChildren(
    el('h1', {}, r.electionTitle), el('h2', {}, `${r.roundLabel} — Kết quả kiểm phiếu`),
    el('p', { class: 'figures' }, `Tổng số đại biểu: ${nf.format(r.base)} · Phát ra: ${nf.format(r.issued)} · Thu vào: ${nf.format(r.collected)} · Hợp lệ: ${nf.format(r.valid)} · Không hợp lệ: ${nf.format(r.invalid)}`),
    table,
    pages > 1 ? el('p', { class: 'page' }, `Trang ${page + 1}/${pages}`) : "",
    r.tieStatementVi ? el('p', { class: 'statement' }, r.tieStatementVi) : "",
    r.vacancyStatementVi ? el('p', { class: 'statement' }, r.vacancyStatementVi) : "");
  if (pages > 1 && !pager) pager = setInterval(() => { page = (page + 1) % pages; drawResults(state.announced); }, 8000);
  if (pages <= 1) stopPaging();
}

async function connect() {
  const conn = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/congress', key ? { accessTokenFactory: () => key } : {})
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(1000 * (c.previousRetryCount + 1), 5000) })
    .build();
  conn.on('TurnoutChanged', (t) => { if (state) { state.turnout = t; draw(); } });
  conn.on('ResultsAnnounced', (m) => { if (state) { state.announced = m.result; state.receipts = m.receipts; page = 0; state.turnout = { ...state.turnout, rounds: [] }; draw(); } });
  conn.on('RoundOpened', () => refresh());
  conn.on('RoundClosed', () => refresh());
  conn.on('AttendanceChanged', () => {});
  conn.onreconnecting(() => { $('link').hidden = false; });
  conn.onreconnected(() => { $('link').hidden = true; refresh(); });
  conn.onclose(() => { $('link').hidden = false; setTimeout(() => connect(), 3000); });
  try { await conn.start(); $('link').hidden = true; } catch { $('link').hidden = false; setTimeout(() => connect(), 3000); }
}

refresh().then(connect);
