import { api } from './api.js';

const params = new URLSearchParams(location.search);
if (params.get('logout')) {
  await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => {});
  history.replaceState(null, '', '/login');
}

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const home = { 'organiser': '/admin', 'checkin-staff': '/checkin', 'presidium': '/projector', 'counting-committee': '/projector' };

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  try {
    const result = await api('/api/auth/login', {
      method: 'POST',
      body: { userName: form.userName.value, password: form.password.value },
    });
    const back = params.get('returnUrl') || params.get('ReturnUrl');
    location.href = back && back.startsWith('/') && !back.startsWith('//') ? back : (home[result.role] || '/checkin');
  } catch (err) {
    error.textContent = err.message;
  }
});
