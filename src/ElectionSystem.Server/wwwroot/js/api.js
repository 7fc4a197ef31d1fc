// Small fetch helpers shared by the pages. Errors are ProblemDetails: show their Vietnamese `detail`.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Lỗi ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function withKey(url) {
  const key = new URLSearchParams(location.search).get('key');
  if (!key) return url;
  return url + (url.includes('?') ? '&' : '?') + 'key=' + encodeURIComponent(key);
}

export async function api(url, { method = 'GET', body, form } = {}) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (form) {
    init.body = form;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, init);
  if (response.status === 401 && !url.startsWith('/api/auth/login')) {
    location.href = '/login?returnUrl=' + encodeURIComponent(location.pathname + location.search);
    throw new ApiError(401, { detail: 'Cần đăng nhập lại.' });
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const fmt = new Intl.NumberFormat('vi-VN');
