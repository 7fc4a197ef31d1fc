// The printable pages' two behaviours, as a script file (the Content-Security-Policy runs no inline
// script or handler attribute): [data-print] buttons print the page, and a [data-submit-on-change]
// select submits its form.
for (const button of document.querySelectorAll('[data-print]')) {
  button.addEventListener('click', () => window.print());
}
for (const select of document.querySelectorAll('[data-submit-on-change]')) {
  select.addEventListener('change', () => select.form.submit());
}
