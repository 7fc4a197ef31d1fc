// A committee member's share file: x_j, with their index j, k, n, the election key pk and K_j, sealed
// with their passphrase: key = Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13, the MODERATE
// limits) over a random salt, then crypto_secretbox_easy (XSalsa20-Poly1305) with a random nonce.
// The public parts stay readable beside the sealed box (so a screen can say whose file it is), and
// opening checks that they match the sealed copy and that g^(x_j) = K_j.
//   const file = sealShareFile({ index, threshold, members, publicKey, verificationKey, share }, passphrase);
//   openShareFile(file, passphrase) → { share: { … } } | { failure }
import sodium from './sodium.js';
import { decodeScalar, elementsEqual, decodeElement, gPow, toHex, fromHex } from './group.js';

export const FORMAT = 'ElectionSystem/v2/share-file';
// The Argon2id limits a file may ask for (the files written ask MODERATE: 3 passes, 256 MiB); the file
// chooses them, so without a cap a crafted file could make opening it take any memory and time.
// The same range as ShareFile.cs.
export const MIN_OPS = 2, MAX_OPS = 10, MIN_MEM = 64 * 1024 * 1024, MAX_MEM = 1024 * 1024 * 1024;
const PUBLIC = ['index', 'threshold', 'members', 'publicKey', 'verificationKey'];
const utf8 = new TextEncoder();

function deriveKey(passphrase, salt, opsLimit, memLimit) {
  return sodium.crypto_pwhash(sodium.crypto_secretbox_KEYBYTES, utf8.encode(passphrase), salt, opsLimit, memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13);
}

export function sealShareFile(share, passphrase) {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new Error('a passphrase is required');
  const K = decodeElement(share.verificationKey);
  const x = decodeScalar(share.share);
  if (!K || !x || !elementsEqual(gPow(x), K)) throw new Error('the share does not match its verification key');
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const opsLimit = sodium.crypto_pwhash_OPSLIMIT_MODERATE;
  const memLimit = sodium.crypto_pwhash_MEMLIMIT_MODERATE;
  const key = deriveKey(passphrase, salt, opsLimit, memLimit);
  const sealed = sodium.crypto_secretbox_easy(utf8.encode(JSON.stringify(share)), nonce, key);
  sodium.memzero(key);
  const file = { format: FORMAT };
  for (const name of PUBLIC) file[name] = share[name];
  file.kdf = { algorithm: 'argon2id13', opsLimit, memLimit, salt: toHex(salt) };
  file.nonce = toHex(nonce);
  file.sealed = toHex(sealed);
  return file;
}

const failed = (failure) => ({ failure });

export function openShareFile(file, passphrase) {
  if (file?.format !== FORMAT) return failed('Đây không phải tệp khoá của thành viên Ban Kiểm phiếu.');
  const kdf = file.kdf ?? {};
  const salt = fromHex(kdf.salt, sodium.crypto_pwhash_SALTBYTES);
  const nonce = fromHex(file.nonce, sodium.crypto_secretbox_NONCEBYTES);
  const sealed = typeof file.sealed === 'string' && /^[0-9a-f]+$/.test(file.sealed) ? sodium.from_hex(file.sealed) : null;
  const limitsOk = kdf.algorithm === 'argon2id13' && Number.isSafeInteger(kdf.opsLimit) && Number.isSafeInteger(kdf.memLimit);
  if (!salt || !nonce || !sealed || !limitsOk) return failed('Tệp khoá bị hỏng.');
  if (kdf.opsLimit > MAX_OPS || kdf.memLimit > MAX_MEM) {
    return failed(`Tệp khoá đòi Argon2id ${kdf.opsLimit} lượt trên ${kdf.memLimit} byte bộ nhớ: chỉ mở tệp đòi tối đa ${MAX_OPS} lượt và 1 GiB.`);
  }
  if (kdf.opsLimit < MIN_OPS || kdf.memLimit < MIN_MEM) {
    return failed(`Tệp khoá đặt Argon2id ${kdf.opsLimit} lượt trên ${kdf.memLimit} byte bộ nhớ: cần ít nhất ${MIN_OPS} lượt và 64 MiB để bảo vệ khoá.`);
  }
  let key;
  try {
    key = deriveKey(String(passphrase ?? ''), salt, kdf.opsLimit, kdf.memLimit);
  } catch {
    return failed('Máy này không đủ bộ nhớ để mở tệp khoá (Argon2id).');
  }
  let plain;
  try {
    plain = sodium.crypto_secretbox_open_easy(sealed, nonce, key);
  } catch {
    return failed('Cụm mật khẩu không đúng (hoặc tệp khoá đã bị sửa).');
  } finally {
    sodium.memzero(key);
  }
  const share = JSON.parse(new TextDecoder().decode(plain));
  sodium.memzero(plain);
  if (PUBLIC.some((name) => share[name] !== file[name])) return failed('Phần công khai của tệp khoá không khớp với phần đã niêm phong.');
  const x = decodeScalar(share.share);
  const K = decodeElement(share.verificationKey);
  if (!x || !K || !elementsEqual(gPow(x), K)) return failed('Khoá trong tệp không khớp với khoá kiểm tra của thành viên.');
  return { share };
}
