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
