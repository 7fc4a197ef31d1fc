// The printable sheet of a member's share file (issue 14, "In tệp khóa"): the member's name and code,
// the file's public parts in words, the whole sealed file as QR code(s), and the file's text. The QR
// holds exactly the downloaded text (the sealed file, never the bare share): a phone or the hall's
// camera reads it back into the same file. qrcode-generator (npm, copied to /lib/qrcode.js by the
// csproj) is a classic script the page loads before its modules; it defines `qrcode`.
import { el } from './kernel/dom.js';

const SVG = 'http://www.w3.org/2000/svg';
// Error correction M (15 %): a share file (~1,050 bytes of JSON) fits one QR of version 26
// (121 modules, ~0.8 mm each on a 10 cm square: still easy to scan from paper). A text that needs a
// version above MAX_VERSION is cut into numbered parts, each within it, read in order and joined.
const LEVEL = 'M';
const MAX_VERSION = 27;

/** QR code(s) of text as SVG elements: [{ svg, part, parts }]. Throws if the QR library is missing. */
export function qrParts(text) {
  if (typeof globalThis.qrcode !== 'function') throw new Error('Thiếu thư viện tạo mã QR (/lib/qrcode.js).');
  if (!text) throw new Error('Tệp khóa trống.');
  for (let parts = 1; ; parts++) {
    const size = Math.ceil(text.length / parts);
    const qrs = [];
    for (let i = 0; i < text.length; i += size) {
      const qr = make(text.slice(i, i + size));
      if (!qr) break;
      qrs.push(qr);
    }
    if (qrs.length === Math.ceil(text.length / size)) return qrs.map((qr, i) => ({ svg: qrSvg(qr), part: i + 1, parts: qrs.length }));
  }
}

/** The smallest QR (level M) that holds text, or null if that is above MAX_VERSION. */
function make(text) {
  for (let version = 1; version <= MAX_VERSION; version++) {
    const qr = globalThis.qrcode(version, LEVEL);
    qr.addData(text, 'Byte');
    try { qr.make(); return qr; } catch { /* code length overflow: a bigger version */ }
  }
  return null;
}

function qrSvg(qr) {
  const n = qr.getModuleCount();
  const quiet = 4;
  const size = n + 2 * quiet;
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('class', 'share-qr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('shape-rendering', 'crispEdges');
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', size); bg.setAttribute('height', size); bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

/** Fills #share-sheet: member, public parts in words, QR(s), the text (`text`: the sealed file as downloaded). */
export function fillSheet(root, { member, fileName, text }) {
  const f = JSON.parse(text);
  const qrs = qrParts(text);
  root.replaceChildren(
    el('h1', {}, 'Tệp khóa của thành viên Ban Kiểm phiếu'),
    el('p', {}, `${member.fullName} (${member.code}) — thành viên số ${f.index}, cần ${f.threshold} trong ${f.members} thành viên để giải mã.`),
    el('dl', { class: 'share-public' },
      el('dt', {}, 'Tên tệp'), el('dd', {}, fileName),
      el('dt', {}, 'Khóa chung của lần bầu mã hóa'), el('dd', { class: 'hash' }, f.publicKey),
      el('dt', {}, `Khóa kiểm tra của thành viên số ${f.index}`), el('dd', { class: 'hash' }, f.verificationKey),
      el('dt', {}, 'Cách khóa tệp'), el('dd', {}, `cụm mật khẩu của đồng chí (${f.kdf?.algorithm ?? '?'}); phần khóa bí mật chỉ có trong phần đã khóa`)),
    el('p', {}, qrs.length === 1
      ? 'Mã QR dưới đây chứa nguyên văn tệp khóa (đã khóa bằng cụm mật khẩu): quét mã rồi lưu nội dung thành tệp cùng tên.'
      : `Tệp khóa được chia thành ${qrs.length} mã QR đánh số: quét lần lượt từ 1 đến ${qrs.length}, nối nội dung theo thứ tự rồi lưu thành tệp cùng tên.`),
    ...qrs.map((q) => {
      q.svg.setAttribute('aria-label', `Mã QR ${q.part}/${q.parts} của tệp khóa`);
      return el('figure', { class: 'share-qr-part', 'data-part': q.part }, q.svg, el('figcaption', {}, `Mã QR ${q.part}/${q.parts}`));
    }),
    el('p', {}, 'Nếu không quét được, gõ lại nguyên văn nội dung dưới đây vào một tệp cùng tên.'),
    el('pre', { class: 'share-text' }, text));
}
