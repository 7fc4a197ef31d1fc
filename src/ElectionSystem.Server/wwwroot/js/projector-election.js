// Projector, secret elections: turnout while a round is open ("Đã bỏ phiếu 287/295", nothing of
// the tally), results after the announcement (long lists page by themselves). A view module: the
// projector page gives it a container and plugs its hub handlers into its live connection
// (kernel/live.js), which rebuilds the connection after a server restart:
//   const elections = electionView(container, { onChange });
//   connectLive({ handlers: { ...elections.handlers }, onConnected: () => elections.load() });
// onChange(active, pushed) tells the page whether the view has something to show, and whether a
// hub message (not a refetch) made it so: the page shows the most recently pushed view.
// The display key (?key=…) goes with the call (withKey), as on the rest of the projector.
import { api, withKey } from './kernel/api.js';
import { el } from './kernel/dom.js';
import { fmt as nf, OUTCOME } from './kernel/words.js';
const PAGE = 12;

export function electionView(container, { onChange } = {}) {
  let state = null;
  let page = 0;
  let pager = null;
  container.classList.add('pe');

  function draw() {
    const open = state.turnout.rounds[0];
    if (open) { stopPaging(); return drawTurnout(open); }
    if (state.announced) return drawResults(state.announced);
    stopPaging();
    container.replaceChildren(el('p', { class: 'idle' }, 'Bầu cử'));
  }

  function drawTurnout(t) {
    container.replaceChildren(el('h1', {}, t.electionTitle), el('h2', {}, t.roundLabel),
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
        el('td', { class: 'mark' }, c.elected ? OUTCOME.elected : c.tied ? OUTCOME.tied : '')))));
    container.replaceChildren(
      el('h1', {}, r.electionTitle), el('h2', {}, `${r.roundLabel} — Kết quả kiểm phiếu`),
      el('p', { class: 'figures' }, `Tổng số đại biểu: ${nf.format(r.base)} · Phát ra: ${nf.format(r.issued)} · Thu vào: ${nf.format(r.collected)} · Hợp lệ: ${nf.format(r.valid)} · Không hợp lệ: ${nf.format(r.invalid)}`),
      table,
      pages > 1 ? el('p', { class: 'page' }, `Trang ${page + 1}/${pages}`) : "",
      r.tieStatementVi ? el('p', { class: 'statement' }, r.tieStatementVi) : "",
      r.vacancyStatementVi ? el('p', { class: 'statement' }, r.vacancyStatementVi) : "");
    if (pages > 1 && !pager) pager = setInterval(() => { page = (page + 1) % pages; drawResults(state.announced); }, 8000);
    if (pages <= 1) stopPaging();
  }

  let wasActive = false;
  const notify = (pushed) => {
    const active = !!state && (state.turnout.rounds.length > 0 || !!state.announced);
    if (active !== wasActive || pushed) onChange?.(active, pushed);
    wasActive = active;
  };
  const refresh = async (pushed = false) => {
    const next = await api(withKey('/api/elections/projector')).catch(() => null);
    if (next) { state = next; draw(); notify(pushed); }
  };
  const handlers = {
    TurnoutChanged: (t) => { if (state) { state.turnout = t; draw(); notify(false); } },
    ResultsAnnounced: (m) => {
      if (!state) return;
      state.announced = m.result; page = 0;  // the message carries no receipt codes (the projector shows none)
      state.turnout = { ...state.turnout, rounds: [] };
      draw(); notify(true);
    },
    RoundOpened: () => refresh(true),
    RoundClosed: () => refresh(false),
  };
  return { handlers, load: () => refresh(false) };
}
