// The projector's open-vote view: while a vote is open, the question and the turnout ("Đã biểu
// quyết 250/287"), or, when the vote shows its count live, four large numbers with a bar; at close
// the figures and the decision with its rule ("Tán thành 250/298 (83,89%) — Thông qua").
// The projector page plugs it into its live connection (kernel/live.js), which rebuilds the hub
// connection after a server restart, so the view hands over its handlers instead of binding to one
// connection:
//   const votes = openVoteView(document.getElementById('openvote'), { onChange });
//   connectLive({ handlers: { ...votes.handlers }, onConnected: () => votes.load() });
// It fetches /api/openvotes/live on every (re)connect, then follows the coalesced
// OpenVoteTallyChanged messages (older versions are ignored).
// onChange(active, pushed): whether there is a vote to show, and whether a hub message (not a
// refetch) brought a new vote or state, so the page can show the most recently pushed view.
// The display key (?key=…) goes with the call (withKey), as on the rest of the projector.
import { api, withKey } from './kernel/api.js';
import { BASE, CHOICES, NOT_YET_VOTED, fmt } from './kernel/words.js';

export function openVoteView(container, { onChange } = {}) {
  let version = 0;
  let shown = null;
  container.classList.add('pv');
  const show = (vote, pushed) => {
    if (vote && vote.version < version) return;
    if (vote) version = vote.version;
    const changed = (vote?.id ?? null) !== (shown?.id ?? null) || vote?.state !== shown?.state;
    shown = vote;
    render(container, vote);
    onChange?.(!!vote, pushed && changed);
  };
  const load = async () => {
    const live = await api(withKey('/api/openvotes/live?screen=projector')).catch(() => null);
    if (live) show(live.vote, false);
  };
  return { handlers: { OpenVoteTallyChanged: (m) => show(m.vote, true) }, load };
}

const label = Object.fromEntries(CHOICES);

// What the hall may see: the figures of an open vote only when the vote shows them live (an option
// set by the presidium, off by default); otherwise the turnout ("Đã biểu quyết 250/287") and the
// figures at the close. The server leaves the counts out for such a vote; the page never draws them.
const countsShown = (vote) => vote.state !== 'Open' || (vote.liveCounts && vote.for != null);

function render(root, vote) {
  if (!vote) {
    root.replaceChildren();
    root.hidden = true;
    return;
  }
  root.hidden = false;
  const mode = countsShown(vote) ? 'counts' : 'turnout';
  if (root.dataset.mode !== mode) {
    root.dataset.mode = mode;
    root.innerHTML = `
      <div class="pv-label"></div>
      <div class="pv-question"></div>` + (mode === 'counts' ? `
      <div class="pv-counts">
        <div class="pv-for"><span>${label.For}</span><strong data-n="for"></strong></div>
        <div class="pv-against"><span>${label.Against}</span><strong data-n="against"></strong></div>
        <div class="pv-abstain"><span>${label.Abstain}</span><strong data-n="abstain"></strong></div>
        <div class="pv-notyet"><span>${NOT_YET_VOTED}</span><strong data-n="notyet"></strong></div>
      </div>
      <div class="pv-bar"><i class="pv-for"></i><i class="pv-against"></i><i class="pv-abstain"></i></div>
      <div class="pv-decision"></div>` : `
      <div class="pv-turnout" id="vote-turnout"><span>Đã biểu quyết</span><strong data-n="voted"></strong></div>`) + `
      <div class="pv-base"></div>`;
  }
  const closed = vote.state === 'Closed' && vote.result;
  root.querySelector('.pv-label').textContent = closed ? 'Kết quả biểu quyết' : 'Biểu quyết';
  const question = root.querySelector('.pv-question');
  question.textContent = vote.title;
  question.title = vote.title;
  root.querySelector('.pv-base').textContent =
    `${BASE}: ${fmt.format(vote.base)} · Có mặt: ${fmt.format(vote.present)}`;
  if (mode === 'turnout') {
    root.querySelector('[data-n="voted"]').textContent = `${fmt.format(vote.voted)}/${fmt.format(vote.present)}`;
    return;
  }
  const set = (n, v) => { root.querySelector(`[data-n="${n}"]`).textContent = fmt.format(v); };
  set('for', vote.for);
  set('against', vote.against);
  set('abstain', closed ? vote.result.abstainTotal : vote.abstain);
  set('notyet', closed ? 0 : vote.notYetVoted);
  root.querySelector('.pv-notyet').hidden = !!closed;
  const total = Math.max(1, vote.base);
  const bars = root.querySelectorAll('.pv-bar i');
  bars[0].style.width = (100 * vote.for / total) + '%';
  bars[1].style.width = (100 * vote.against / total) + '%';
  bars[2].style.width = (100 * (closed ? vote.result.abstainTotal : vote.abstain) / total) + '%';
  const decision = root.querySelector('.pv-decision');
  decision.textContent = closed ? vote.result.decision : '';
  decision.className = 'pv-decision' + (closed ? (vote.result.passed ? ' pv-passed' : ' pv-failed') : '');
}
