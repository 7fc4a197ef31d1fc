// Check-in desk: a USB scanner types the badge token into the focused field and presses Enter;
// the camera (jsQR) does the same. The result shows in large type, coloured by status.
import { api } from './kernel/api.js';
import { $, el } from './kernel/dom.js';
import { connectLive } from './kernel/live.js';
import { fmt } from './kernel/words.js';

const scan = $('scan');
const search = $('search');
const colours = {
  'checked-in': 'ok', 'already': 'warn', 'forged': 'bad', 'revoked': 'bad', 'unknown': 'bad', 'not-summoned': 'bad',
};
let lastCheckIn = null;
let latestVersion = 0;

function showCount(present, summoned) {
  $('present').textContent = fmt.format(present);
  $('summoned').textContent = fmt.format(summoned);
}

function applySnapshot(s) {
  if (s.version < latestVersion) return;
  latestVersion = s.version;
  showCount(s.present, s.summoned);
  $('session').textContent = s.sessionTitle ? '— ' + s.sessionTitle : '— chưa chọn phiên họp';
}

function showResult(r) {
  const box = $('result');
  box.className = 'result ' + (colours[r.status] || 'bad');
  box.dataset.status = r.status;
  $('result-message').textContent = r.message;
  $('result-name').textContent = r.fullName || '';
  $('result-detail').textContent = [r.delegation, r.category, r.seat ? 'Ghế ' + r.seat : null, r.code].filter(Boolean).join(' · ');
  lastCheckIn = r.status === 'checked-in' ? r.checkInId : null;
  $('undo').hidden = !lastCheckIn;
  showCount(r.present, r.summoned);
}

function showHeld(r) {
  const box = $('result');
  box.className = 'result warn';
  box.dataset.status = 'pending';
  $('result-message').textContent = r.detail;
  $('result-name').textContent = '';
  $('result-detail').textContent = r.delegateCode;
  $('undo').hidden = true;
}

function showError(message) {
  const box = $('result');
  box.className = 'result bad';
  $('result-message').textContent = message;
  $('result-name').textContent = '';
  $('result-detail').textContent = '';
  $('undo').hidden = true;
}

async function submitToken(token) {
  if (!token.trim()) return;
  try {
    const r = await api('/api/checkin/scan', { method: 'POST', body: { token } });
    // A badge code typed by hand is a check-in without the badge: held (202) for a committee member.
    if (r.requestId) showHeld(r); else showResult(r);
  } catch (err) {
    showError(err.message);
  }
}

$('scan-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const token = scan.value;
  scan.value = '';
  submitToken(token);
});

// The scanner's field keeps the focus, except while staff use the search box or a button.
document.addEventListener('focusout', () => setTimeout(() => {
  const a = document.activeElement;
  if (!a || a === document.body) scan.focus();
}, 200));

$('undo').addEventListener('click', async () => {
  if (!lastCheckIn) return;
  try {
    const r = await api(`/api/checkin/${lastCheckIn}/undo`, { method: 'POST' });
    lastCheckIn = null;
    $('undo').hidden = true;
    $('result').className = 'result warn';
    $('result-message').textContent = r.message;
    showCount(r.present, r.summoned);
  } catch (err) {
    showError(err.message);
  }
  scan.focus();
});

// Search without diacritics; pick a person to check in by hand.
let searchTimer;
search.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const list = $('search-results');
    list.replaceChildren();
    if (search.value.trim().length < 2) return;
    try {
      const found = await api('/api/delegates/search?q=' + encodeURIComponent(search.value));
      for (const d of found) {
        const b = el('button', { type: 'button', disabled: d.checkedIn, text: d.checkedIn ? 'Đã điểm danh' : 'Điểm danh' });
        b.addEventListener('click', async () => {
          try {
            const r = await api('/api/checkin/manual', { method: 'POST', body: { delegateId: d.id } });
            b.disabled = true;
            if (r.requestId) {
              // During the congress: held (202) until a counting-committee member approves (ADR 0010).
              showHeld(r);
              b.textContent = 'Chờ duyệt';
            } else {
              showResult(r);
              b.textContent = 'Đã điểm danh';
            }
          } catch (err) {
            showError(err.message);
          }
        });
        list.append(el('li', {}, `${d.fullName} — ${d.delegation} (${d.code}) `, b));
      }
      if (found.length === 0) list.append(el('li', { text: 'Không tìm thấy đại biểu nào.' }));
    } catch (err) {
      list.append(el('li', { text: err.message }));
    }
  }, 250);
});

// Camera: read frames, decode with jsQR, submit each new code once.
let stream = null;
let lastCode = '';
let lastAt = 0;
$('camera-toggle').addEventListener('click', async () => {
  if (stream) {
    stream.getTracks().forEach((t) => t.stop());
    stream = null;
    $('camera').hidden = true;
    $('camera-toggle').textContent = 'Dùng camera';
    return;
  }
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  } catch {
    showError('Không mở được camera (trình duyệt cần quyền dùng camera và kết nối https hoặc localhost).');
    return;
  }
  const video = $('video');
  video.srcObject = stream;
  await video.play();
  $('camera').hidden = false;
  $('camera-toggle').textContent = 'Tắt camera';
  const canvas = $('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const tick = () => {
    if (!stream) return;
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      ctx.drawImage(video, 0, 0);
      const code = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: 'dontInvert' });
      if (code?.data && (code.data !== lastCode || Date.now() - lastAt > 3000)) {
        lastCode = code.data;
        lastAt = Date.now();
        submitToken(code.data);
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});

const refetch = async () => applySnapshot(await api('/api/attendance'));
connectLive({
  handlers: { AttendanceChanged: applySnapshot },
  onConnected: () => refetch().catch(() => {}),
  onStatus: (s) => { $('live-status').hidden = s === 'connected'; },
});
refetch().catch(() => {});
