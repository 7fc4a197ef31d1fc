// The one fetch wrapper. JSON in and out; every error is a ProblemDetails, thrown as an ApiError
// whose message is its Vietnamese `detail` (and `errors`, per field, when the server sends them).
//   await api('/api/openvotes')                                   GET → parsed JSON (null if empty)
//   await api(path, { method: 'POST', body: { title } })          JSON body
//   await api(path, { method: 'POST', form: formData })           multipart (file upload)
//   await api(path, { method: 'POST', body, signIn: true })       a 401 is the wrong password, not a lapsed sign-in
// Staff pages sign in with the cookie: a lapsed sign-in (401) sends the browser to /login and back.
// The tablet carries its own token: useBearer(() => token, onSignedOut) once, at start.
// Display-key pages (the projector) pass their key in the address: api(withKey(path)).
export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(problem?.detail || fieldErrors(problem?.errors) || problem?.title || fallback || `Lỗi ${status}`);
    this.status = status;      // 0: no answer (network)
    this.problem = problem;    // the ProblemDetails, with any extensions the endpoint adds
    this.errors = problem?.errors ?? null;
  }
}

const fieldErrors = (errors) => errors && Object.values(errors).flat().join(' ');

const toLogin = () => {
  location.href = '/login?returnUrl=' + encodeURIComponent(location.pathname + location.search);
};

let bearer = null;
let onUnauthorized = toLogin;

/** The tablet: send `Authorization: Bearer <token()>`; a 401 calls signedOut(problem) instead of going to /login. */
export function useBearer(token, signedOut) {
  bearer = token;
  onUnauthorized = signedOut;
}

/** The page's display key (?key=…) added to an API address, for the projector. */
export function withKey(url) {
  const key = new URLSearchParams(location.search).get('key');
  if (!key) return url;
  return url + (url.includes('?') ? '&' : '?') + 'key=' + encodeURIComponent(key);
}

export async function api(url, { method = 'GET', body, form, signIn = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (form) {
    init.body = form;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const token = bearer?.();
  if (token) init.headers.Authorization = 'Bearer ' + token;
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, null, 'Mất kết nối. Xin thử lại.');
  }
  const text = await response.text().catch(() => '');
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON: an error page or a proxy's answer */ }
  if (response.status === 401 && !signIn) {
    onUnauthorized(data);
    throw new ApiError(401, data, 'Cần đăng nhập lại.');
  }
  // A temporary password's sign-in opens nothing but its change, on /login.
  if (response.status === 403 && data?.mustChangePassword && !signIn) location.href = '/login?doimatkhau=1';
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
