// Phiếu kích hoạt: draws the activation slips the presidium's console just received (kept in this
// tab's sessionStorage by presidium-committee.js; the server keeps only their hashes).
import { $, el } from './kernel/dom.js';

export const SlipsKey = 'es.activationSlips';

const slips = JSON.parse(sessionStorage.getItem(SlipsKey) || '[]');
const when = (t) => new Date(t).toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
$('slips').replaceChildren(...(slips.length ? slips.map((s) => el('section', { class: 'slip', 'data-slip': s.code || '' },
  el('h2', {}, 'Phiếu kích hoạt thành viên Ban Kiểm phiếu'),
  el('p', {}, `Đồng chí: ${s.fullName}${s.code ? ` (mã đại biểu ${s.code})` : ''}${s.isChair ? ' — Trưởng ban' : ''}`),
  el('p', {}, 'Mã kích hoạt (dùng một lần):'),
  el('p', { class: 'code' }, s.activationCode),
  el('p', { class: 'small' }, `Dùng được đến ${when(s.expiresAt)}. Tại trang Đăng nhập, mục "Thành viên Ban Kiểm phiếu": nhập mã đại biểu, mã PIN, `
    + 'chọn "Lần đầu đăng nhập", nhập mã kích hoạt này và tự đặt mật khẩu Ban Kiểm phiếu (ít nhất 10 ký tự). Từ lần sau: mã đại biểu, mã PIN và mật khẩu đó. '
    + 'Không đưa phiếu này cho người khác.')))
  : [el('p', {}, 'Không có phiếu nào trên máy này. Mã kích hoạt chỉ hiện một lần, ngay khi Đoàn Chủ tịch lưu Ban Kiểm phiếu hoặc cấp mã mới.')]));

$('print').addEventListener('click', () => window.print());
$('forget').addEventListener('click', () => {
  sessionStorage.removeItem(SlipsKey);
  $('slips').replaceChildren(el('p', {}, 'Đã xóa phiếu khỏi máy này.'));
});
