// Projector, secret elections: turnout while a round is open ("Đã bỏ phiếu 287/295", nothing of
// the tally), results after the announcement (long lists page by themselves), then the election's
// combined result once it has more than one announced round. A view module: the
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

/** A delegation's combined result groups its elected by ballot (SCREENS.md: the delegate categories). */
const DELEGATION_GROUP = { 'delegation-official': 'Đại biểu chính thức', 'delegation-alternate': 'Đại biểu dự khuyết' };

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
    container.replaceChildren(el('h1', { title: t.electionTitle }, t.electionTitle), el('h2', {}, t.roundLabel),
      el('div', { class: 'turnout', id: 'turnout' }, el('small', {}, 'Đã bỏ phiếu'), `${nf.format(t.collected)}/${nf.format(t.issued)}`));
  }

  function stopPaging() { if (pager) { clearInterval(pager); pager = null; } }

  // Results page by themselves, as many rows a page as the screen actually holds: the whole table
  // is laid out once, then cut into pages by the rows' measured heights against the space left
  // between the headings and the footer (page number, tie and vacancy lines, always in view).
  // After an election's second announced round, its combined result (Kết quả bầu cử: everyone
  // elected, officials and alternates apart) follows the round's pages, measured and paged alike.
  let pages = null;
  let parts = [];
  function drawResults(r) {
    const combined = state.combined && state.combined.electionId === r.electionId ? state.combined : null;
    const rows = r.order === 'votes' ? [...r.candidates].sort((a, b) => b.votes - a.votes || a.stt - b.stt) : r.candidates;
    const title = el('h1', { title: r.electionTitle }, r.electionTitle);
    const heading = el('h2', { id: 'results-heading' });
    const table = resultTable('results', rows.map((c) => el('tr', { class: c.elected ? 'elected' : c.tied ? 'tied' : '' },
      el('td', { class: 'num' }, String(c.stt)), el('td', { class: 'name' }, c.fullName), el('td', { class: 'num' }, nf.format(c.votes)), el('td', { class: 'num' }, c.percentVi),
      el('td', { class: 'mark' }, c.elected ? OUTCOME.elected : c.tied ? OUTCOME.tied : ''))));
    const figures = el('p', { class: 'figures' }, `Tổng số đại biểu: ${nf.format(r.base)} · Phát ra: ${nf.format(r.issued)} · Thu vào: ${nf.format(r.collected)} · Hợp lệ: ${nf.format(r.valid)} · Không hợp lệ: ${nf.format(r.invalid)}`);
    const statement = (id, text) => (text ? el('p', { class: 'statement', id }, text) : null);
    const tie = statement('tie-statement', r.tieStatementVi);
    const vacancy = statement('vacancy-statement', r.vacancyStatementVi);
    parts = [{ name: 'round', table, heading: `${r.roundLabel} — Kết quả kiểm phiếu`, shows: [figures, tie, vacancy] }];
    let combinedTable = null;
    let combinedVacancy = null;
    if (combined) {
      combinedTable = resultTable('combined-results', combinedRows(combined));
      combinedVacancy = statement('combined-vacancy', combined.vacancyStatementVi);
      parts.push({ name: 'combined', table: combinedTable, heading: 'Kết quả bầu cử — Những người trúng cử', shows: [combinedVacancy] });
    }
    const pageLine = el('p', { class: 'page', id: 'results-page' });
    container.replaceChildren(title, heading, figures, el('div', { class: 'rows' }, table, combinedTable),
      el('div', { class: 'foot' }, pageLine, tie, vacancy, combinedVacancy));
    // Measured with the page line in place ("Trang 1/2" takes a line of its own when there are pages),
    // each part alone, as it will be shown.
    pageLine.textContent = 'Trang 1/1';
    pages = [];
    for (const part of parts) {
      showPart(part);
      for (const rowsOfPage of paginate(container.querySelector('.rows'), [...part.table.tBodies[0].rows])) pages.push({ part, rows: rowsOfPage });
    }
    if (page >= pages.length) page = 0;
    showPage();
    if (pages.length > 1 && !pager) pager = setInterval(() => { page = (page + 1) % pages.length; showPage(); }, 8000);
    if (pages.length <= 1) stopPaging();
  }

  function resultTable(id, rows) {
    return el('table', { id },
      el('thead', {}, el('tr', {}, el('th', { class: 'num' }, 'STT'), el('th', {}, 'Họ và tên'), el('th', { class: 'num' }, 'Số phiếu'), el('th', { class: 'num' }, 'Tỷ lệ'), el('th', {}, ''))),
      el('tbody', {}, ...rows));
  }

  // Everyone elected, in the order of their rounds; a delegation's officials and alternates under their own line.
  function combinedRows(o) {
    const rows = [];
    let group = null;
    for (const e of o.elected) {
      const g = DELEGATION_GROUP[e.kind];
      if (g && g !== group) rows.push(el('tr', { class: 'group' }, el('td', { colspan: '5' }, g)));
      group = g;
      rows.push(el('tr', { class: 'elected' }, el('td', { class: 'num' }, String(e.rank)), el('td', { class: 'name' }, e.fullName),
        el('td', { class: 'num' }, nf.format(e.votes)), el('td', { class: 'num' }, e.percentVi), el('td', { class: 'mark' }, OUTCOME.elected)));
    }
    return rows;
  }

  function showPart(part) {
    for (const p of parts) {
      p.table.hidden = p !== part;
      for (const shown of p.shows) if (shown) shown.hidden = p !== part;
    }
    container.querySelector('#results-heading').textContent = part.heading;
    container.dataset.part = part.name;
  }

  function showPage() {
    const pageLine = container.querySelector('#results-page');
    showPart(pages[page].part);
    pages.forEach((p, i) => p.rows.forEach((tr) => { tr.hidden = i !== page; }));
    pageLine.textContent = pages.length > 1 ? `Trang ${page + 1}/${pages.length}` : '';
    container.dataset.page = String(page + 1);
    container.dataset.pages = String(pages.length);
  }

  // Shown, hidden or resized (the view may be drawn while another one is in front): measure again.
  let measured = -1;
  new ResizeObserver(() => {
    if (container.clientHeight === measured) return;
    measured = container.clientHeight;
    if (state?.announced && !state.turnout.rounds[0]) drawResults(state.announced);
  }).observe(container);
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
      state.announced = m.result; page = 0; stopPaging();  // the message carries no receipt codes (the projector shows none)
      state.combined = m.combined ?? null;
      state.turnout = { ...state.turnout, rounds: [] };
      draw(); notify(true);
    },
    RoundOpened: () => refresh(true),
    RoundClosed: () => refresh(false),
  };
  return { handlers, load: () => refresh(false) };
}

/** Cuts the rows into pages that each fit the box (at least one row a page, every row on one page). */
function paginate(box, rows) {
  if (rows.length === 0) return [[]];
  // Laid out all at once: a page ends before the first row whose bottom would pass the box's.
  const top = rows[0].getBoundingClientRect().top;
  const room = box.getBoundingClientRect().bottom - top - 1;
  const pages = [[]];
  let pageTop = top;
  for (const tr of rows) {
    const r = tr.getBoundingClientRect();
    if (r.bottom - pageTop > room && pages[pages.length - 1].length > 0) { pages.push([]); pageTop = r.top; }
    pages[pages.length - 1].push(tr);
  }
  return pages;
}
