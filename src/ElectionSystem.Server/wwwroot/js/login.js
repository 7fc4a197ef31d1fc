// Sign-in page for staff: the cookie it sets carries every later call; back to where they came from.
import { api } from './kernel/api.js';
import { $ } from './kernel/dom.js';

const params = new URLSearchParams(location.search);
if (params.get('logout')) {
  await api('/api/auth/logout', { method: 'POST', signIn: true }).catch(() => {});
  history.replaceState(null, '', '/login');
}

const form = $('login-form');
const error = $('login-error');
const change = $('change-form');
const back = params.get('returnUrl') || params.get('ReturnUrl');
// Without a page to go back to, the front door sends each role to its own screen.
const onward = () => { location.href = back && back.startsWith('/') && !back.startsWith('//') ? back : '/'; };

// A temporary password (a new account, a reset): the change form, with what was typed carried over.
function mustChange(userName, current) {
  $('change-why').classList.add('must-change');
  $('change-why').textContent = 'Mật khẩu này là mật khẩu tạm do Ban Tổ chức cấp. Hãy đặt mật khẩu của riêng đồng chí (ít nhất 10 ký tự) trước khi làm việc.';
  if (userName) change.userName.value = userName;
  if (current) change.current.value = current;
  $('change').scrollIntoView();
  (change.current.value ? change.next : change.current).focus();
}
if (params.get('doimatkhau')) mustChange('', '');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  try {
    const r = await api('/api/auth/login', {
      method: 'POST',
      signIn: true,
      body: { userName: form.userName.value, password: form.password.value },
    });
    if (r.mustChangePassword) {
      mustChange(form.userName.value, form.password.value);
      return;
    }
    onward();
  } catch (err) {
    error.textContent = err.message;
  }
});

// Any account sets its own password: sign in with the current one, then change it (the change
// ends every other session of the account and signs this browser in again).
change.addEventListener('submit', async (e) => {
  e.preventDefault();
  $('change-error').textContent = '';
  if (change.next.value !== change.again.value) {
    $('change-error').textContent = 'Hai lần nhập mật khẩu mới không giống nhau.';
    return;
  }
  try {
    await api('/api/auth/login', { method: 'POST', signIn: true, body: { userName: change.userName.value, password: change.current.value } });
    await api('/api/auth/password', { method: 'POST', signIn: true, body: { currentPassword: change.current.value, newPassword: change.next.value } });
    onward();
  } catch (err) {
    $('change-error').textContent = err.message;
  }
});

// A counting-committee member signs in with their own badge or code, PIN and committee passphrase
// (ADR 0010, issue 13). The first time, with the one-time activation code the presidium handed
// them, they set that passphrase (twice); the server says when the first-time form is needed.
const member = $('member-form');
const first = $('member-first');
function showActivation(on) {
  first.checked = on;
  $('member-activation').hidden = !on;
  $('member-passphrase-row').hidden = on;
  $('member-submit').textContent = on ? 'Kích hoạt và đăng nhập' : 'Đăng nhập Ban Kiểm phiếu';
}
first.addEventListener('change', () => showActivation(first.checked));
member.addEventListener('submit', async (e) => {
  e.preventDefault();
  $('member-error').textContent = '';
  const value = member.code.value.trim();
  // A scanned badge is a long signed token; a typed delegate code is short.
  const who = value.length > 20 ? { badge: value } : { code: value };
  const secret = first.checked
    ? { activationCode: member.activationCode.value, newPassphrase: member.newPassphrase.value, newPassphraseAgain: member.newPassphraseAgain.value }
    : { passphrase: member.passphrase.value };
  if (first.checked && secret.newPassphrase !== secret.newPassphraseAgain) {
    $('member-error').textContent = 'Hai lần nhập mật khẩu mới không giống nhau.';
    return;
  }
  try {
    await api('/api/committee/signin', { method: 'POST', signIn: true, body: { ...who, pin: member.pin.value, ...secret } });
    location.href = '/committee';
  } catch (err) {
    if (err.problem?.activation === true) showActivation(true);
    $('member-error').textContent = err.message;
  }
});
