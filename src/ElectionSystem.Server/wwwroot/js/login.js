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
const home = { 'organiser': '/admin', 'checkin-staff': '/checkin', 'presidium': '/projector', 'counting-committee': '/projector' };

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  try {
    const result = await api('/api/auth/login', {
      method: 'POST',
      signIn: true,
      body: { userName: form.userName.value, password: form.password.value },
    });
    const back = params.get('returnUrl') || params.get('ReturnUrl');
    location.href = back && back.startsWith('/') && !back.startsWith('//') ? back : (home[result.role] || '/checkin');
  } catch (err) {
    error.textContent = err.message;
  }
});
