//! The two ciphers Flowise uses.
//!
//! - Stored credentials and other values under `encryption.key`
//!   (`utils/index.js` encryptCredentialData): CryptoJS `AES.encrypt(text,
//!   passphrase)`, i.e. OpenSSL's `Salted__` format: base64 of `"Salted__"`,
//!   an 8-byte salt and AES-256-CBC/PKCS#7, with key and IV from
//!   EVP_BytesToKey (MD5, one round) over the passphrase's UTF-8 bytes. The
//!   passphrase is the key file's text as it is.
//! - The `meta` claim of Flowise's JWTs (`enterprise/utils/tempTokenUtils.js`
//!   encryptToken): AES-256-CBC/PKCS#7 under SHA-256 of
//!   `TOKEN_HASH_SECRET`, written `hex(iv):hex(ciphertext)`.

use crate::error::Result;
use aes::cipher::{block_padding::Pkcs7, BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use base64::Engine;
use md5::Digest as _;
use sha2::Digest as _;
use sha2::Sha256;
use zeroize::Zeroizing;

type Enc = cbc::Encryptor<aes::Aes256>;
type Dec = cbc::Decryptor<aes::Aes256>;

fn cbc_encrypt(key: &[u8; 32], iv: &[u8; 16], plain: &[u8]) -> Vec<u8> {
    let mut buf = vec![0u8; plain.len() + 16];
    buf[..plain.len()].copy_from_slice(plain);
    let n = Enc::new(key.into(), iv.into())
        .encrypt_padded_mut::<Pkcs7>(&mut buf, plain.len())
        .map(<[u8]>::len)
        .unwrap_or(0);
    buf.truncate(n);
    buf
}

fn cbc_decrypt(key: &[u8; 32], iv: &[u8; 16], data: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let mut buf = Zeroizing::new(data.to_vec());
    let n = Dec::new(key.into(), iv.into())
        .decrypt_padded_mut::<Pkcs7>(&mut buf)
        .ok()?
        .len();
    buf.truncate(n);
    Some(buf)
}

/// OpenSSL's EVP_BytesToKey with MD5 and one round: 32 key bytes, 16 IV.
fn bytes_to_key(passphrase: &[u8], salt: &[u8; 8]) -> Zeroizing<([u8; 32], [u8; 16])> {
    let mut out = Zeroizing::new([0u8; 48]);
    let mut prev: Vec<u8> = Vec::new();
    let mut filled = 0;
    while filled < 48 {
        let mut h = md5::Md5::new();
        h.update(&prev);
        h.update(passphrase);
        h.update(salt);
        prev = h.finalize().to_vec();
        let n = prev.len().min(48 - filled);
        out[filled..filled + n].copy_from_slice(&prev[..n]);
        filled += n;
    }
    let mut key = [0u8; 32];
    let mut iv = [0u8; 16];
    key.copy_from_slice(&out[..32]);
    iv.copy_from_slice(&out[32..]);
    Zeroizing::new((key, iv))
}

/// `CryptoJS.AES.encrypt(plain, passphrase).toString()`.
pub fn encrypt(passphrase: &str, plain: &[u8]) -> Result<String> {
    let salt = crate::secrets::random_array::<8>()?;
    let derived = bytes_to_key(passphrase.as_bytes(), &salt);
    let mut out = b"Salted__".to_vec();
    out.extend_from_slice(&salt);
    out.extend(cbc_encrypt(&derived.0, &derived.1, plain));
    Ok(base64::engine::general_purpose::STANDARD.encode(out))
}

/// The text `CryptoJS.AES.decrypt(value, passphrase)` gives, or `None`
/// when it would give none (not this format, another key: bad padding or
/// bytes that are not UTF-8, which Flowise reads as a failure too).
pub fn decrypt(passphrase: &str, value: &str) -> Option<Zeroizing<String>> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(value.trim())
        .ok()?;
    let body = raw.strip_prefix(b"Salted__")?;
    if body.len() < 8 + 16 || (body.len() - 8) % 16 != 0 {
        return None;
    }
    let mut salt = [0u8; 8];
    salt.copy_from_slice(&body[..8]);
    let derived = bytes_to_key(passphrase.as_bytes(), &salt);
    let plain = cbc_decrypt(&derived.0, &derived.1, &body[8..])?;
    let text = String::from_utf8(plain.to_vec()).ok()?;
    Some(Zeroizing::new(text))
}

fn meta_key(token_hash_secret: &str) -> Zeroizing<[u8; 32]> {
    Zeroizing::new(Sha256::digest(token_hash_secret.as_bytes()).into())
}

/// Flowise's `encryptToken`: the `meta` claim of its JWTs.
pub fn encrypt_meta(token_hash_secret: &str, text: &str) -> Result<String> {
    let iv = crate::secrets::random_array::<16>()?;
    let ct = cbc_encrypt(&meta_key(token_hash_secret), &iv, text.as_bytes());
    Ok(format!("{}:{}", hex::encode(iv), hex::encode(ct)))
}

/// Flowise's `decryptToken`; `None` where it fails.
pub fn decrypt_meta(token_hash_secret: &str, meta: &str) -> Option<String> {
    let (iv, ct) = meta.split_once(':')?;
    let iv: [u8; 16] = hex::decode(iv).ok()?.try_into().ok()?;
    let ct = hex::decode(ct).ok()?;
    let plain = cbc_decrypt(&meta_key(token_hash_secret), &iv, &ct)?;
    String::from_utf8(plain.to_vec()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openssl_kdf_matches_a_known_answer() {
        // EVP_BytesToKey(MD5, 1 round) of "password" and salt 01..08, by
        // Python's hashlib.
        let d = bytes_to_key(b"password", &[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(
            hex::encode(d.0),
            "e7b0971e52ca5cc8d0539fb3412f6316f7ba2e6ee293d9f3457b99436b51ce02"
        );
        assert_eq!(hex::encode(d.1), "8d450e2ed75a84a923d4eac9fe49226b");
    }

    #[test]
    fn values_the_server_encrypted_decrypt() {
        // A credential Flowise 3.1.4 saved under the key it generated
        // (tests/fixtures/flowise-3.1.4/before-rotation).
        let key = "an4xShDA0XVLaq63Q8SUa0ZNPleiKmYk";
        let value = "U2FsdGVkX186W8v4MOCNZaUzdJIY3wxWYu/ZC+HwtO5mRNp4G733Vv5Tt3ptBE5vS8R6axTnHQcaFTE/onT55lkGnNmdCbeBTBWlhj5to5M=";
        assert_eq!(
            decrypt(key, value).as_deref().map(String::as_str),
            Some(r#"{"openAIApiKey":"sk-dummy-0123456789abcdefDUMMY"}"#)
        );
        assert!(decrypt("z19vWb4K9UP1CDT+rQMbrZM4GjngF57d", value).is_none());
    }

    #[test]
    fn round_trips_and_refuses_other_keys() {
        let v = encrypt("z19vWb4K9UP1CDT+rQMbrZM4GjngF57d", br#"{"k":"v"}"#).unwrap();
        assert!(v.starts_with("U2FsdGVkX1"), "{v}");
        assert_eq!(
            decrypt("z19vWb4K9UP1CDT+rQMbrZM4GjngF57d", &v)
                .as_deref()
                .map(String::as_str),
            Some(r#"{"k":"v"}"#)
        );
        assert!(decrypt("another key", &v).is_none());
        assert!(decrypt("k", "not base64!").is_none());
        let m = encrypt_meta("popcorn", "user:ws").unwrap();
        assert_eq!(decrypt_meta("popcorn", &m).as_deref(), Some("user:ws"));
        assert!(decrypt_meta("other", &m).is_none());
    }
}
