// The delegate tablet's shell: sign-in (badge QR or code, then PIN), the tablet token, the hub
// connection, and which screen shows. What a delegate does on the tablet lives in feature modules
// (tablet-openvote.js now; a secret-ballot module plugs in the same way). A feature module exports:
//   name                      – its key in the state from GET /api/tablet/state (e.g. "openVote")
//   hubMessages               – { HubMethodName(payload, ctx) } handlers for server pushes
//   render(state, ctx)        – draws into ctx.root and returns true if it takes the screen
// Features earlier in the list win the screen; when none takes it the waiting screen shows.
import * as openVote from './tablet-openvote.js';
import * as ballot from './tablet-ballot.js';

const features = [ballot, openVote];
const TOKEN_KEY = 'es.tablet';

const $ = (id) => document.getElementById(id);
const screens = ['signin', 'signedout', 'waiting', 'feature'];
let session = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null'); // { accessToken, delegate }
let state = null;
let connection = null;
let pin = '';
let signInBy = null; // { code } or { badge }

function show(id) {
  for (const s of screens) $(s).hidden = s !== id;
  $('signout').hidden = !(id === 'waiting' || id === 'feature');
}

class SignedOutError extends Error {}

/** Calls the tablet API with the token; a 401 means this tablet is signed out (reason in the problem). */
async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session?.accessToken, ...(options.headers || {}) },
  });
  if (response.status === 401) {
    const problem = await response.json().catch(() => ({}));
    signedOut(problem.detail || 'Phiên đăng nhập đã hết. Xin đăng nhập lại.');
    throw new SignedOutError(problem.detail);
  }
  return response;
}

const ctx = {
  root: $('feature'),
  api,
  refresh: () => refresh(),
  get state() { return state; },
  /** A feature changed its part of the state (e.g. the delegate's recorded choice). */
  update(name, value) { state = { ...state, [name]: value }; render(); },
};

function render() {
  if (!state) return;
  const d = state.delegate;
  $('who').textContent = `${d.fullName} · ${d.code}`;
  for (const feature of features) {
    if (feature.render(state, ctx)) {
      show('feature');
      return;
    }
  }
  ctx.root.replaceChildren();
  $('waiting-text').textContent = `Đại biểu ${d.fullName} — đang chờ biểu quyết`;
  const reason = state.eligibility.mayVote ? null : state.eligibility.reason;
  $('not-eligible').hidden = !reason;
  $('not-eligible').textContent = reason || '';
  $('session').textContent = state.sessionTitle || '';
  show('waiting');
}

async function refresh() {
  try {
    const response = await api('/api/tablet/state');
    if (response.ok) {
      state = await response.json();
      render();
    }
  } catch (e) {
    if (!(e instanceof SignedOutError)) setLink(false);
  }
}

function setLink(ok) { $('link').hidden = ok; }

async function connect() {
  connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/congress', { accessTokenFactory: () => session?.accessToken })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(1000 * (ctx.previousRetryCount + 1), 5000) })
    .build();
  connection.on('SignedOut', (message) => signedOut(message.reason));
  for (const feature of features) {
    for (const [name, handler] of Object.entries(feature.hubMessages || {})) {
      connection.on(name, (payload) => handler(payload, ctx));
    }
  }
  connection.onreconnecting(() => setLink(false));
  connection.onreconnected(() => { setLink(true); refresh(); });
  connection.onclose(() => { if (session) setTimeout(start, 2000); });
  await start();
}

async function start() {
  if (!session || !connection || connection.state !== 'Disconnected') return;
  try {
    await connection.start();
    setLink(true);
    await refresh(); // whatever was pushed while we were away
  } catch (e) {
    setLink(false);
    // A refused negotiate (401) means another tablet took over: the state call says so.
    await refresh();
    if (session) setTimeout(start, 2000);
  }
}

function signedOut(reason) {
  const conn = connection;
  session = null;
  state = null;
  connection = null;
  sessionStorage.removeItem(TOKEN_KEY);
  if (conn) conn.stop();
  $('signedout-reason').textContent = reason;
  $('who').textContent = '';
  setLink(true);
  show('signedout');
}

// --- sign-in -----------------------------------------------------------------------------------

function signInError(text) {
  $('signin-error').hidden = !text;
  $('signin-error').textContent = text || '';
}

function showSignIn() {
  pin = '';
  signInBy = null;
  $('code').value = '';
  $('step-code').hidden = false;
  $('step-pin').hidden = true;
  signInError(null);
  show('signin');
}

function askPin(by, label) {
  signInBy = by;
  pin = '';
  drawPin();
  $('pin-for').textContent = label;
  $('step-code').hidden = true;
  $('step-pin').hidden = false;
  signInError(null);
}

function drawPin() {
  $('pin-dots').textContent = '●'.repeat(pin.length) + '○'.repeat(6 - pin.length);
}

async function submitPin() {
  if (pin.length !== 6) { signInError('Mã PIN gồm 6 chữ số.'); return; }
  const response = await fetch('/api/tablet/signin', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...signInBy, pin }),
  });
  pin = '';
  drawPin();
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    signInError(problem.detail || 'Không đăng nhập được.');
    return;
  }
  session = await response.json();
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ accessToken: session.accessToken, delegate: session.delegate }));
  signInError(null);
  await refresh();
  await connect();
}

$('code-next').addEventListener('click', () => {
  const code = $('code').value.trim().toUpperCase();
  if (!code) { signInError('Hãy nhập mã đại biểu.'); return; }
  askPin({ code }, `Mã đại biểu: ${code}`);
});
$('code').addEventListener('keydown', (e) => { if (e.key === 'Enter') $('code-next').click(); });
$('pinpad').addEventListener('click', (e) => {
  const b = e.target.closest('button');
  if (!b) return;
  if (b.dataset.digit && pin.length < 6) pin += b.dataset.digit;
  if (b.dataset.key === 'back') pin = pin.slice(0, -1);
  drawPin();
  if (b.dataset.key === 'ok') submitPin();
});
document.addEventListener('keydown', (e) => {
  if ($('step-pin').hidden || $('signin').hidden) return;
  if (/^[0-9]$/.test(e.key) && pin.length < 6) { pin += e.key; drawPin(); }
  if (e.key === 'Backspace') { pin = pin.slice(0, -1); drawPin(); }
  if (e.key === 'Enter') submitPin();
});
$('pin-back').addEventListener('click', showSignIn);
$('signin-again').addEventListener('click', showSignIn);
$('signout').addEventListener('click', async () => {
  try { await api('/api/tablet/signout', { method: 'POST' }); } catch { /* signed out anyway */ }
  signedOut('Đồng chí đã đăng xuất.');
});

// Camera: read the badge's QR with jsQR, frame by frame, until a token is found.
let scanning = null;
$('scan').addEventListener('click', async () => {
  if (!window.jsQR || !navigator.mediaDevices?.getUserMedia) {
    signInError('Máy này không quét được mã QR. Hãy nhập mã đại biểu.');
    return;
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    const video = $('camera');
    video.srcObject = stream;
    await video.play();
    $('scanner').hidden = false;
    const canvas = document.createElement('canvas');
    const g = canvas.getContext('2d', { willReadFrequently: true });
    scanning = stream;
    const tick = () => {
      if (scanning !== stream) return;
      if (video.readyState >= 2) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        g.drawImage(video, 0, 0);
        const found = jsQR(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
        if (found?.data) {
          stopScan();
          const token = found.data.trim();
          askPin({ badge: token }, `Thẻ đại biểu ${token.split('.')[1] || ''}`);
          return;
        }
      }
      requestAnimationFrame(tick);
    };
    tick();
  } catch {
    signInError('Không mở được máy ảnh. Hãy nhập mã đại biểu.');
  }
});
function stopScan() {
  if (scanning) scanning.getTracks().forEach((t) => t.stop());
  scanning = null;
  $('scanner').hidden = true;
}
$('scan-stop').addEventListener('click', stopScan);

// --- start -------------------------------------------------------------------------------------
if (session) {
  refresh().then(() => { if (session) connect(); });
} else {
  showSignIn();
}
