// Projector: attendance in very large type, live over the hub. Opened as /projector?key=DISPLAYKEY
// (or by signed-in staff). Refetches the whole state on every (re)connect.
import { api, fmt, withKey } from './api.js';
import { connectLive } from './live.js';
import { openVoteView } from './projector-votes.js';

const $ = (id) => document.getElementById(id);
const key = new URLSearchParams(location.search).get('key');
let latestVersion = 0;

function render(s) {
  if (s.version < latestVersion) return;
  latestVersion = s.version;
  $('congress').textContent = s.congressName;
  $('session').textContent = s.sessionTitle || '';
  $('present').textContent = fmt.format(s.present);
  $('summoned').textContent = fmt.format(s.summoned);
  $('base').textContent = `Tổng số đại biểu (làm căn cứ tính tỷ lệ): ${fmt.format(s.baseValue)}`;
  const w = $('warnings');
  w.replaceChildren(...s.warnings.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  document.body.dataset.present = s.present;
}

const votes = openVoteView($('openvote'), { key });
const refetch = async () => {
  render((await api(withKey('/api/projector/state'))).attendance);
  await votes.load();
};
connectLive({
  accessToken: key,
  handlers: { AttendanceChanged: render, ...votes.handlers },
  onConnected: refetch,
  onStatus: (s) => { $('live-status').hidden = s === 'connected'; },
});
refetch().catch(() => {});
