// libsodium (sumo build: ristretto255, Argon2id), loaded once for every crypto module.
// The npm package's classic scripts are copied into /lib by the server's csproj (never a CDN):
// libsodium-sumo.js (the library, WebAssembly with an asm.js fallback) defines `libsodium`,
// libsodium-wrappers.js wraps it as `sodium`. The page's policy must allow 'wasm-unsafe-eval'
// (Hosting/SecurityHeaders: the tablet and committee pages), or the slow fallback runs.
//   import sodium from './sodium.js';   // resolved: sodium.ready has settled
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
    if (typeof document === 'undefined') {
      importScripts(lib('libsodium-sumo.js'), lib('libsodium-wrappers.js'));  // a classic worker
    } else {
      await addScript(lib('libsodium-sumo.js'));
      await addScript(lib('libsodium-wrappers.js'));
    }
  }
  await globalThis.sodium.ready;
  return globalThis.sodium;
}

const sodium = await load();
export default sodium;
