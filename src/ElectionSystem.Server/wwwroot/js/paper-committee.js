// Ban Kiểm phiếu's paper desk (/entry/committee). Every figure comes from /api/paper; the rulings
// and their reasons go to the audit log on the server. The status says what its reader may do:
// contentsShown (false for a staff account before the announcement: no disagreements' contents, no
// entry log) and mayDecide (a member's own session: the ruling form and the completion).
import { api } from './kernel/api.js';
import { $, el, swap } from './kernel/dom.js';
import { createStore } from './kernel/state.js';

// rounds: open or closed rounds; current: the chosen one's id; paper: its paper state; problem: the last action's error.
const store = createStore({ rounds: [], current: new URLSearchParams(location.search).get('round'), paper: null, problem: null }, render);

async function act(path, method, body) {
  let problem = null;
  try { await api(path, { method, body: body ?? undefined }); } catch (e) { problem = e.message; }
  store.set({ problem });
  await load();
}

async function load() {
  const rounds = (await api('/api/committee/rounds')).filter((r) => r.state === 'open' || r.state === 'closed');
  const { current } = store.get();
  store.set({ rounds, paper: current ? await api(`/api/paper/rounds/${current}`) : null });
}

function choose(roundId) {
  store.set({ current: roundId, problem: null });
  load();
}

function render({ rounds, current, paper: s, problem }) {
  swap($('rounds'), ...rounds.map((r) => el('li', {}, el('button', {
    type: 'button', class: r.roundId === current ? 'current' : '', on: { click: () => choose(r.roundId) },
  }, `${r.electionTitle} — ${r.label}`))));
  if (!current || !s) return;
  const base = `/api/paper/rounds/${current}`;
  const main = [el('h1', {}, `${s.electionTitle} — ${s.roundLabel}`)];
  if (problem) main.push(el('p', { class: 'problem' }, problem));
  main.push(el('p', {}, el('a', { href: `/entry/rounds/${current}/ballot-print`, target: '_blank' }, 'In phiếu bầu'),
    ...(s.contentsShown ? [' · ', el('a', { href: `/entry/rounds/${current}/log`, target: '_blank' }, 'Nhật ký nhập phiếu')] : [])));
  if (!s.state) {
    const issued = el('input', { id: 'issued', type: 'number', min: '0', value: '0' });
    const bundles = el('input', { id: 'bundle-count', type: 'number', min: '0', value: '1' });
    const size = el('input', { id: 'bundle-size', type: 'number', min: '1', value: '50' });
    const only = el('input', { id: 'paper-only', type: 'checkbox' });
    main.push(el('div', { class: 'actions' }, el('label', {}, 'Số phiếu giấy phát ra ', issued), el('label', {}, 'Số tập ', bundles),
      el('label', {}, 'Mỗi tập ', size, ' phiếu'), el('label', {}, only, ' Chỉ dùng phiếu giấy'),
      el('button', { type: 'button', id: 'open-paper', on: { click: () => {
        // A figure counted by hand: said back before it is sent (issue 11).
        if (!confirm(`Số phiếu giấy phát ra: ${+issued.value} (${+bundles.value} tập × ${+size.value} phiếu${only.checked ? ', chỉ dùng phiếu giấy' : ''}). Mở nhập phiếu giấy?`)) return;
        act(`${base}/open`, 'POST', { issued: +issued.value, paperOnly: only.checked, bundles: +bundles.value, bundleSize: +size.value });
      } } }, 'Mở nhập phiếu giấy')));
  } else {
    main.push(el('p', { class: 'figures' }, el('span', {}, 'Phát ra ', el('b', {}, String(s.issuedPaper))),
      el('span', {}, 'Trong các tập ', el('b', {}, String(s.ballots))), el('span', {}, 'Khớp ', el('b', {}, String(s.agreed))),
      el('span', {}, 'Chênh lệch ', el('b', {}, String(s.disagreed)))));
    main.push(el('table', {}, el('thead', {}, el('tr', {}, ...['Tập', 'Số phiếu', 'Trạm 1', 'Trạm 2', 'Trạm 3'].map((h) => el('th', {}, h)))),
      el('tbody', {}, ...s.bundles.map((b) => el('tr', {}, el('td', {}, String(b.number)), el('td', {}, String(b.size)),
        ...[1, 2, 3].map((n) => { const st = b.stations.find((x) => x.station === n);
          return el('td', {}, st ? `${st.account}: ${st.entered}/${b.size}${st.finishedAt ? ' ✓' : ''}` : '—'); }))))));
    if (s.state === 'entering') {
      const size = el('input', { type: 'number', min: '1', value: '50' });
      main.push(el('div', { class: 'actions' }, el('label', {}, 'Thêm tập ', size, ' phiếu'),
        el('button', { type: 'button', class: 'secondary', on: { click: () => act(`${base}/bundles`, 'POST', { sizes: [+size.value] }) } }, 'Thêm tập phiếu')));
    }
    main.push(el('h2', {}, 'Chênh lệch giữa các lần nhập'));
    if (!s.contentsShown) {
      main.push(el('p', { id: 'contents-withheld', class: 'muted' },
        `${s.disagreed} phiếu chênh lệch. Chỉ thành viên Ban Kiểm phiếu (đăng nhập bằng thẻ đại biểu, mã PIN và mật khẩu Ban Kiểm phiếu) mới xem nội dung và kết luận các phiếu này.`));
    } else {
      main.push(el('table', { id: 'disagreements' }, el('thead', {}, el('tr', {}, ...['Tập / phiếu', 'Trạm 1', 'Trạm 2', 'Trạm 3', 'Kết luận'].map((h) => el('th', {}, h)))),
      el('tbody', {}, ...s.disagreements.map((d) => {
        const text = el('input', { placeholder: 'nội dung phiếu (vd. 3 17 22, /t, /x)', value: d.resolution?.text || '' });
        const reason = el('input', { placeholder: 'lý do', value: d.resolution?.reason || '' });
        return el('tr', {}, el('td', {}, `${d.bundle} / ${d.index}`),
          ...[1, 2, 3].map((n) => { const e = d.entries.find((x) => x.station === n); return el('td', {}, e ? `${e.text} (${e.summary})` : '—'); }),
          el('td', {}, text, reason, s.state === 'entering' && s.mayDecide ? el('button', { type: 'button', on: { click: () =>
            act(`${base}/bundles/${d.bundle}/ballots/${d.index}/ruling`, 'POST', { text: text.value, reason: reason.value }) } }, 'Kết luận') : null));
      }))));
    }
    if (s.blockersVi.length) main.push(el('ul', {}, ...s.blockersVi.map((b) => el('li', {}, b))));
    if (s.state === 'entering' && s.mayDecide) {
      main.push(el('div', { class: 'actions' }, el('button', { type: 'button', id: 'complete', disabled: s.blockersVi.length > 0 ? '' : null,
        on: { click: () => act(`${base}/complete`, 'POST') } }, 'Hoàn tất nhập phiếu, đưa vào kiểm phiếu')));
    } else if (s.state === 'entering') {
      main.push(el('p', { id: 'complete-members-only', class: 'muted' },
        'Chỉ thành viên Ban Kiểm phiếu (đăng nhập bằng thẻ đại biểu, mã PIN và mật khẩu Ban Kiểm phiếu) mới hoàn tất nhập phiếu giấy, đưa vào kiểm phiếu.'));
    } else {
      main.push(el('p', { class: 'statement' }, `Đã hoàn tất: ${s.counted} phiếu giấy đưa vào kiểm phiếu.`));
    }
  }
  swap($('paper'), ...main);
}

load();
