// Spec v2 "Fiat–Shamir": a transcript is a sequence of items, item(x) = 4-byte big-endian length ‖ x.
// A text is UTF-8, an integer 8 bytes big-endian two's complement, an element its 32 bytes, a scalar
// its 32 bytes (little-endian). Every proof starts
//   item(tag) ‖ item(int #context) ‖ item(context_1) ‖ … ‖ item(context_n) ‖ item(public key)
// and its challenge is scalar_reduce(SHA-512(transcript)).
import { IDENTITY, reduceWide, sha512 } from './group.js';

const utf8 = new TextEncoder();

export class Transcript {
  #parts = [];
  #length = 0;

  #item(bytes) {
    const head = new Uint8Array(4);
    new DataView(head.buffer).setUint32(0, bytes.length, false);
    this.#parts.push(head, bytes);
    this.#length += 4 + bytes.length;
    return this;
  }

  text(s) { return this.#item(utf8.encode(String(s))); }

  int(n) {
    if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigInt64(0, BigInt(n), false);
    return this.#item(bytes);
  }

  element(p) {
    if (p === IDENTITY) throw new Error('the identity has no encoding');
    return this.#item(p);
  }

  scalar(s) { return this.#item(s); }

  bytes() {
    const out = new Uint8Array(this.#length);
    let at = 0;
    for (const part of this.#parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  challenge() { return reduceWide(sha512(this.bytes())); }
}

/** The opening every proof shares: tag, the context (texts, in order), the public key. */
export function proofTranscript(tag, context, publicKey) {
  const t = new Transcript().text(tag).int(context.length);
  for (const c of context) t.text(c);
  return t.element(publicKey);
}
