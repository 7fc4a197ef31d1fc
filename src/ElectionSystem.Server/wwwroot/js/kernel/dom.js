// The page scripts' two DOM helpers, defined once.
//   $('id')                                   – document.getElementById
//   el('button', { class, text, on: { click } }, ...children)
// In el's attributes `true` sets a boolean attribute, `false`/null/undefined leave it out;
// `class`, `text` and `on` are the element's className, textContent and event listeners.
export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// parent.replaceChildren(...children), keeping the keyboard focus and the caret on a field that is
// put back: a live refetch redraws while a member types a passphrase, and a field taken out of the
// page loses its focus, so what was typed next went nowhere.
export function swap(parent, ...children) {
  const active = document.activeElement;
  const kept = active && active !== document.body && parent.contains(active) ? active : null;
  const caret = kept ? selection(kept) : null;
  parent.replaceChildren(...children);
  if (!kept || !kept.isConnected || document.activeElement === kept) return;
  kept.focus({ preventScroll: true });
  if (caret) try { kept.setSelectionRange(caret[0], caret[1], caret[2]); } catch { /* not a text field */ }
}

function selection(field) {
  try {
    return field.selectionStart == null ? null : [field.selectionStart, field.selectionEnd, field.selectionDirection];
  } catch {
    return null;
  }
}

// Saves a blob as a file named `name` (a download started from memory: a share file, a board fetched with the token).
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
