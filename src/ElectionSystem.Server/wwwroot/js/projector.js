// Projector: attendance in very large type, live over the hub. Opened as /projector?key=DISPLAYKEY
// (or by signed-in staff). Refetches the whole state on every (re)connect.
import { api, withKey } from './kernel/api.js';
import { $, el } from './kernel/dom.js';
import { connectLive } from './kernel/live.js';
import { BASE, fmt } from './kernel/words.js';
import { openVoteView } from './projector-votes.js';
import { electionView } from './projector-election.js';

const key = new URLSearchParams(location.search).get('key');
let latestVersion = 0;

function render(s) {
  if (s.version < latestVersion) return;
  latestVersion = s.version;
  $('congress').textContent = s.congressName;
  $('session').textContent = s.sessionTitle || '';
  $('present').textContent = fmt.format(s.present);
  $('summoned').textContent = fmt.format(s.summoned);
  $('base').textContent = `${BASE}: ${fmt.format(s.baseValue)}`;
  const w = $('warnings');
  w.replaceChildren(...s.warnings.map((text) => el('li', { text })));
  document.body.dataset.present = s.present;
}

// One screen, several views: attendance always; an open vote or a secret round when there is one.
// The view most recently pushed by the hub is shown; attendance steps aside while it is.
const sections = { vote: $('openvote'), election: $('election') };
const recent = [];
const layout = () => {
  const front = recent[0];
  for (const [name, section] of Object.entries(sections)) section.hidden = name !== front;
  document.body.classList.toggle('pv-active', !!front);
};
const onChange = (name) => (active, pushed) => {
  const at = recent.indexOf(name);
  if (at >= 0 && (!active || pushed)) recent.splice(at, 1);
  if (active && pushed) recent.unshift(name);
  else if (active && at < 0) recent.push(name);
  layout();
};
const votes = openVoteView(sections.vote, { onChange: onChange('vote') });
const elections = electionView(sections.election, { onChange: onChange('election') });
const refetch = async () => {
  render((await api(withKey('/api/projector/state'))).attendance);
  await Promise.all([votes.load(), elections.load()]);
};
connectLive({
  accessToken: key,
  handlers: { AttendanceChanged: render, ...votes.handlers, ...elections.handlers },
  onConnected: () => refetch().catch(() => {}),
  onStatus: (s) => { $('live-status').hidden = s === 'connected'; },
});
refetch().catch(() => {});
