// The delegate tablet's shell: sign-in (badge QR or code, then PIN), the tablet token, the hub
// connection, the page's store and which screen shows. What a delegate does on the tablet lives in
// feature modules (tablet-ballot.js, tablet-openvote.js). A feature module exports:
//   name                      – its key in the store, holding its own screen state
//   initial()                 – that state when a delegate signs in
//   hubMessages               – { HubMethodName(payload, ctx) } effects for server pushes
//   load(ctx)                 – optional effect, run after every GET /api/tablet/state
//   render(state, ctx)        – draws into ctx.root and returns true if it takes the screen; it only
//                               builds DOM: loads and sends happen in handlers and effects, then set state
//   forget(delegateId)        – optional: drop what the tablet keeps for that delegate (sign-out)
//   forgetOthers(delegateId)  – optional: drop what it keeps for anyone else (a sign-in)
// What a feature keeps (localStorage) is stored under ctx.delegateId() and used only while
// ctx.signIn() is the sign-in it was made under: a tablet handed to the next delegate never sends
// or shows the previous delegate's ballot.
// Features earlier in the list win the screen; when none takes it the waiting screen shows.
import { api, useBearer } from './kernel/api.js';
import { $ } from './kernel/dom.js';
import { connectLive } from './kernel/live.js';
import { createStore } from './kernel/state.js';
import * as openVote from './tablet-openvote.js';
import * as ballot from './tablet-ballot.js';

const features = [ballot, openVote];
const TOKEN_KEY = 'es.tablet';

const screens = ['signin', 'signedout', 'waiting', 'feature'];
let session = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null'); // { accessToken, delegate }
let live = null;
let pin = '';
let signInBy = null; // { code } or { badge }

function show(id) {
  for (const s of screens) $(s).hidden = s !== id;
  $('signout').hidden = !(id === 'waiting' || id === 'feature');
}

// Every call carries the tablet token; a 401 means this tablet is signed out (reason in the problem).
useBearer(() => session?.accessToken, (problem) => signedOut(problem?.detail || 'Phiên đăng nhập đã hết. Xin đăng nhập lại.'));

// tablet: GET /api/tablet/state (delegate, eligibility, session, openVote); then one slice per feature.
const fresh = () => ({ tablet: null, ...Object.fromEntries(features.map((f) => [f.name, f.initial()])) });
const store = createStore(fresh(), render);

const ctx = {
  root: $('feature'),
  api,
  store,
  refresh: () => refresh(),
  /** The delegate signed in on this tablet now (null when signed out). */
  delegateId: () => session?.delegate?.id ?? null,
  /** This sign-in (a new object at every sign-in): work begun under one sign-in ends with it. */
  signIn: () => session,
  /** A feature changed its own slice of the state. */
  update(name, patch) { store.set((s) => ({ [name]: { ...s[name], ...patch } })); },
};

function render(state) {
  if (!state.tablet) return; // signing in or signed out: those screens are shown by their own steps
  const d = state.tablet.delegate;
  $('who').textContent = `${d.fullName} · ${d.code}`;
  for (const feature of features) {
    if (feature.render(state, ctx)) {
      show('feature');
      return;
    }
  }
  ctx.root.replaceChildren();
  $('waiting-text').textContent = `Đại biểu ${d.fullName} — đang chờ biểu quyết`;
  const reason = state.tablet.eligibility.mayVote ? null : state.tablet.eligibility.reason;
  $('not-eligible').hidden = !reason;
  $('not-eligible').textContent = reason || '';
  $('session').textContent = state.tablet.sessionTitle || '';
  show('waiting');
}

/** The whole state again (sign-in, every (re)connect), then each feature's own load. */
async function refresh() {
  try {
    store.set({ tablet: await api('/api/tablet/state') });
  } catch (e) {
    if (e.status === 0) setLink(false);
    return;
  }
  await Promise.all(features.map((f) => f.load?.(ctx)));
}

function setLink(ok) { $('link').hidden = ok; }

function connect() {
  const handlers = { SignedOut: (message) => signedOut(message.reason) };
  for (const feature of features) {
    for (const [name, handler] of Object.entries(feature.hubMessages || {})) handlers[name] = (payload) => handler(payload, ctx);
  }
  live = connectLive({
    accessToken: () => session?.accessToken,
    handlers,
    onConnected: refresh, // whatever was pushed while we were away
    onStatus: (status) => {
      setLink(status === 'connected');
      // A refused negotiate (401) means another tablet took over: the state call says so.
      if (status === 'offline') refresh();
    },
  });
}

function signedOut(reason) {
  const who = session?.delegate?.id;
  session = null;
  for (const f of features) f.forget?.(who);
  live?.stop();
  live = null;
  sessionStorage.removeItem(TOKEN_KEY);
  store.set(fresh());
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
  const body = { ...signInBy, pin };
  pin = '';
  drawPin();
  try {
    session = await api('/api/tablet/signin', { method: 'POST', body, signIn: true });
  } catch (e) {
    signInError(e.problem?.detail || 'Không đăng nhập được.');
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ accessToken: session.accessToken, delegate: session.delegate }));
  for (const f of features) f.forgetOthers?.(session.delegate.id);
  signInError(null);
  await refresh();
  connect();
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
// Sign-out asks first: one stray tap must not end a delegate's session in the middle of a vote.
$('signout').addEventListener('click', () => { $('signout-ask').hidden = false; $('signout-yes').focus(); });
$('signout-no').addEventListener('click', () => { $('signout-ask').hidden = true; });
$('signout-yes').addEventListener('click', async () => {
  $('signout-ask').hidden = true;
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
  for (const f of features) f.forgetOthers?.(session.delegate?.id);
  refresh().then(() => { if (session) connect(); });
} else {
  showSignIn();
}
