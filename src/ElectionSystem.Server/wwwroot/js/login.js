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

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  try {
    await api('/api/auth/login', {
      method: 'POST',
      signIn: true,
      body: { userName: form.userName.value, password: form.password.value },
    });
    const back = params.get('returnUrl') || params.get('ReturnUrl');
    // Without a page to go back to, the front door sends each role to its own screen.
    location.href = back && back.startsWith('/') && !back.startsWith('//') ? back : '/';
  } catch (err) {
    error.textContent = err.message;
  }
});

// A counting-committee member signs in with their own badge or code and PIN (ADR 0010), not a password.
const member = $('member-form');
member.addEventListener('submit', async (e) => {
  e.preventDefault();
  $('member-error').textContent = '';
  const value = member.code.value.trim();
  // A scanned badge is a long signed token; a typed delegate code is short.
  const who = value.length > 20 ? { badge: value } : { code: value };
  try {
    await api('/api/committee/signin', { method: 'POST', signIn: true, body: { ...who, pin: member.pin.value } });
    location.href = '/committee';
  } catch (err) {
    $('member-error').textContent = err.message;
  }
});
