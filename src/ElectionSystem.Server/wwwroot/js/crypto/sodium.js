// libsodium (sumo build: ristretto255, Argon2id), loaded once for every crypto module.
// The npm package's classic scripts are copied into /lib by the server's csproj (never a CDN):
// libsodium-sumo.js (the library, WebAssembly) defines `libsodium`,
// libsodium-wrappers.js wraps it as `sodium`. The page's policy must allow 'wasm-unsafe-eval'
// (Hosting/SecurityHeaders: the tablet and committee pages): without it the WebAssembly compile is
// refused, libsodium aborts, and importing any crypto module fails with the error below.
//   import sodium from './sodium.js';   // resolved: sodium.ready has settled
const NOT_LOADED = "libsodium did not start: this page's Content-Security-Policy must allow 'wasm-unsafe-eval'";
const lib = (name) => new URL(`../../lib/${name}`, import.meta.url).href;

function addScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function load() {
  if (!globalThis.sodium) {
    // A page only: a module worker has neither script elements nor importScripts.
    if (typeof document === 'undefined') throw new Error('js/crypto runs in a page (it loads libsodium as page scripts)');
    await addScript(lib('libsodium-sumo.js'));
    await addScript(lib('libsodium-wrappers.js'));
  }
  if (!globalThis.sodium) throw new Error(NOT_LOADED);
  await globalThis.sodium.ready;
  return globalThis.sodium;
}

const sodium = await load();
export default sodium;
