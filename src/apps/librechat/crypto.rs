//! LibreChat's three ciphers for stored credentials, as
//! `@librechat/data-schemas` 0.0.71 (`src/crypto/index.ts`) runs them
//! under `CREDS_KEY` and `CREDS_IV`:
//!
//! - v1 (`encrypt`): WebCrypto AES-CBC/PKCS#7 under the key, with the fixed
//!   IV `CREDS_IV`; written as hex of the ciphertext.
//! - v2 (`encryptV2`): the same with a random IV per value, written
//!   `hex(iv):hex(ciphertext)`; a value without `:` is returned as it is.
//! - v3 (`encryptV3`): Node's `aes-256-ctr` with a random IV, written
//!   `v3:hex(iv):hex(ciphertext)`; a key of any length but 32 bytes fails.
//!
//! Key and IV are read as Node's `Buffer.from(text, "hex")` reads them:
//! pairs of hex digits up to the first pair that is not one, so a bad
//! digit silently shortens them. WebCrypto takes 16-, 24- and 32-byte
//! keys (AES-128, -192, -256) for v1 and v2. Every failure carries
//! LibreChat's own message for it.

use crate::error::Result;
use aes::cipher::{
    block_padding::Pkcs7, BlockDecryptMut, BlockEncryptMut, KeyIvInit, StreamCipher,
};
use zeroize::Zeroizing;

/// Which of LibreChat's ciphers a value is under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Version {
    V1,
    V2,
    V3,
}

impl Version {
    /// LibreChat's function for it.
    pub fn function(self) -> &'static str {
        match self {
            Version::V1 => "encrypt",
            Version::V2 => "encryptV2",
            Version::V3 => "encryptV3",
        }
    }

    /// The cipher `--cipher` names (`v1`, `v2`, `v3`).
    pub fn named(name: &str) -> Option<Version> {
        match name {
            "v1" => Some(Version::V1),
            "v2" => Some(Version::V2),
            "v3" => Some(Version::V3),
            _ => None,
        }
    }

    /// The version a stored value is written in: `v3:` first, else a `:`
    /// (v2), else plain hex (v1).
    pub fn of(value: &str) -> Version {
        if value.starts_with("v3:") {
            Version::V3
        } else if value.contains(':') {
            Version::V2
        } else {
            Version::V1
        }
    }
}

/// Node's `Buffer.from(text, "hex")`: bytes from pairs of hex digits, up
/// to the first pair that is not one (and a lone last digit is dropped).
pub fn node_hex(text: &str) -> Zeroizing<Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Zeroizing::new(Vec::with_capacity(text.len() / 2));
    for pair in text.as_bytes().chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
            _ => break,
        }
    }
    out
}

/// Why a cipher refused, with LibreChat's own words for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The key is not a size the cipher takes (`got` bytes).
    KeyLength { got: usize, version: Version },
    /// `CREDS_IV` (v1), or the IV a value carries (`own`), is not 16 bytes.
    IvLength {
        got: usize,
        own: bool,
        version: Version,
    },
    /// The value does not decrypt: wrong key or IV, or not LibreChat's.
    Undecryptable(Version),
    /// Not written in the version asked for.
    NotThisVersion(Version),
}

impl Refusal {
    /// What LibreChat itself throws for it.
    pub fn librechat_message(&self) -> &'static str {
        match self {
            Refusal::KeyLength {
                version: Version::V3,
                ..
            } => "Invalid key length: expected 32 bytes",
            Refusal::KeyLength { .. } => "DataError: Invalid key length",
            Refusal::IvLength {
                version: Version::V3,
                ..
            } => "Invalid initialization vector",
            Refusal::IvLength { .. } => {
                "OperationError: algorithm.iv must contain exactly 16 bytes"
            }
            Refusal::Undecryptable(_) => {
                "OperationError: The operation failed for an operation-specific reason"
            }
            Refusal::NotThisVersion(_) => "Not a v3 encrypted value",
        }
    }
}

fn iv16(iv: &[u8], own: bool, version: Version) -> std::result::Result<[u8; 16], Refusal> {
    iv.try_into().map_err(|_| Refusal::IvLength {
        got: iv.len(),
        own,
        version,
    })
}

fn cbc_encrypt(
    key: &[u8],
    iv: &[u8; 16],
    plain: &[u8],
    version: Version,
) -> std::result::Result<Vec<u8>, Refusal> {
    let mut buf = vec![0u8; plain.len() + 16];
    buf[..plain.len()].copy_from_slice(plain);
    let n = plain.len();
    let out = match key.len() {
        16 => cbc::Encryptor::<aes::Aes128>::new(key.into(), iv.into())
            .encrypt_padded_mut::<Pkcs7>(&mut buf, n)
            .map(<[u8]>::len),
        24 => cbc::Encryptor::<aes::Aes192>::new(key.into(), iv.into())
            .encrypt_padded_mut::<Pkcs7>(&mut buf, n)
            .map(<[u8]>::len),
        32 => cbc::Encryptor::<aes::Aes256>::new(key.into(), iv.into())
            .encrypt_padded_mut::<Pkcs7>(&mut buf, n)
            .map(<[u8]>::len),
        got => return Err(Refusal::KeyLength { got, version }),
    };
    // The buffer has room for a whole padding block, so padding cannot fail.
    buf.truncate(out.unwrap_or(0));
    Ok(buf)
}

fn cbc_decrypt(
    key: &[u8],
    iv: &[u8; 16],
    data: &[u8],
    version: Version,
) -> std::result::Result<Zeroizing<Vec<u8>>, Refusal> {
    let mut buf = Zeroizing::new(data.to_vec());
    let n = match key.len() {
        16 => cbc::Decryptor::<aes::Aes128>::new(key.into(), iv.into())
            .decrypt_padded_mut::<Pkcs7>(&mut buf)
            .map(<[u8]>::len),
        24 => cbc::Decryptor::<aes::Aes192>::new(key.into(), iv.into())
            .decrypt_padded_mut::<Pkcs7>(&mut buf)
            .map(<[u8]>::len),
        32 => cbc::Decryptor::<aes::Aes256>::new(key.into(), iv.into())
            .decrypt_padded_mut::<Pkcs7>(&mut buf)
            .map(<[u8]>::len),
        got => return Err(Refusal::KeyLength { got, version }),
    }
    .map_err(|_| Refusal::Undecryptable(version))?;
    // WebCrypto refuses an empty ciphertext; a padded one is never empty.
    if data.is_empty() {
        return Err(Refusal::Undecryptable(version));
    }
    buf.truncate(n);
    Ok(buf)
}

fn ctr(key: &[u8], iv: &[u8; 16], data: &mut [u8]) -> std::result::Result<(), Refusal> {
    let key: &[u8; 32] = key.try_into().map_err(|_| Refusal::KeyLength {
        got: key.len(),
        version: Version::V3,
    })?;
    ctr::Ctr128BE::<aes::Aes256>::new(key.into(), iv.into()).apply_keystream(data);
    Ok(())
}

/// The outcome of a cipher: a value, or why LibreChat would refuse too.
pub type Outcome<T> = std::result::Result<T, Refusal>;

/// Encrypt `plain` as LibreChat's `version` function would, under `key`
/// (and, for v1, the fixed `iv`). `Err` only when reading randomness fails.
pub fn encrypt(version: Version, key: &[u8], iv: &[u8], plain: &str) -> Result<Outcome<String>> {
    Ok(match version {
        Version::V1 => iv16(iv, false, version)
            .and_then(|iv| cbc_encrypt(key, &iv, plain.as_bytes(), version))
            .map(hex::encode),
        Version::V2 => {
            if ![16, 24, 32].contains(&key.len()) {
                return Ok(Err(Refusal::KeyLength {
                    got: key.len(),
                    version,
                }));
            }
            let iv = crate::secrets::random_array::<16>()?;
            cbc_encrypt(key, &iv, plain.as_bytes(), version)
                .map(|ct| format!("{}:{}", hex::encode(iv), hex::encode(ct)))
        }
        Version::V3 => {
            if key.len() != 32 {
                return Ok(Err(Refusal::KeyLength {
                    got: key.len(),
                    version,
                }));
            }
            let iv = crate::secrets::random_array::<16>()?;
            let mut data = plain.as_bytes().to_vec();
            ctr(key, &iv, &mut data)
                .map(|()| format!("v3:{}:{}", hex::encode(iv), hex::encode(data)))
        }
    })
}

/// What a stored value decrypted to.
#[derive(Debug)]
pub enum Plain {
    /// The plaintext bytes (LibreChat decodes them as UTF-8, replacing
    /// what is not).
    Bytes(Zeroizing<Vec<u8>>),
    /// A value without `:`, which `decryptV2` returns as it is.
    Unencrypted,
}

/// Decrypt `value` as LibreChat's decrypt function for `version` would.
pub fn decrypt(version: Version, key: &[u8], iv: &[u8], value: &str) -> Outcome<Plain> {
    match version {
        Version::V1 => {
            let iv = iv16(iv, false, version)?;
            cbc_decrypt(key, &iv, &node_hex(value), version).map(Plain::Bytes)
        }
        Version::V2 => {
            let Some((own_iv, rest)) = value.split_once(':') else {
                return Ok(Plain::Unencrypted);
            };
            let own_iv = iv16(&node_hex(own_iv), true, version)?;
            cbc_decrypt(key, &own_iv, &node_hex(rest), version).map(Plain::Bytes)
        }
        Version::V3 => {
            let mut parts = value.split(':');
            if parts.next() != Some("v3") {
                return Err(Refusal::NotThisVersion(Version::V3));
            }
            let own_iv = node_hex(parts.next().unwrap_or_default());
            let rest: Vec<&str> = parts.collect();
            let mut data = Zeroizing::new(node_hex(&rest.join(":")).to_vec());
            if key.len() != 32 {
                return Err(Refusal::KeyLength {
                    got: key.len(),
                    version,
                });
            }
            let own_iv = iv16(&own_iv, true, version)?;
            ctr(key, &own_iv, &mut data)?;
            Ok(Plain::Bytes(data))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_read_as_node_reads_it() {
        assert_eq!(node_hex("00ff10").as_slice(), [0, 255, 16]);
        assert_eq!(node_hex("00fF1").as_slice(), [0, 255]);
        assert_eq!(node_hex("ab zz cd").as_slice(), [0xab]);
        assert!(node_hex("zz11").is_empty());
    }

    #[test]
    fn versions_round_trip_with_every_key_size_they_take() {
        let iv = [7u8; 16];
        for len in [16, 24, 32] {
            let key = vec![3u8; len];
            for v in [Version::V1, Version::V2, Version::V3] {
                let c = encrypt(v, &key, &iv, "sk-é").unwrap();
                if v == Version::V3 && len != 32 {
                    assert_eq!(
                        c,
                        Err(Refusal::KeyLength {
                            got: len,
                            version: v
                        })
                    );
                    continue;
                }
                let c = c.unwrap();
                assert_eq!(Version::of(&c), v);
                let Plain::Bytes(p) = decrypt(v, &key, &iv, &c).unwrap() else {
                    panic!("{c}");
                };
                assert_eq!(p.as_slice(), "sk-é".as_bytes());
            }
        }
        assert_eq!(
            encrypt(Version::V1, &[1; 32], &[1; 8], "x").unwrap(),
            Err(Refusal::IvLength {
                got: 8,
                own: false,
                version: Version::V1
            })
        );
        assert_eq!(
            encrypt(Version::V2, &[1; 20], &iv, "x").unwrap(),
            Err(Refusal::KeyLength {
                got: 20,
                version: Version::V2
            })
        );
    }

    #[test]
    fn what_librechat_does_with_odd_values() {
        let key = [9u8; 32];
        assert!(matches!(
            decrypt(Version::V2, &key, &[], "plain"),
            Ok(Plain::Unencrypted)
        ));
        assert_eq!(
            decrypt(Version::V3, &key, &[], "v2:00:00").unwrap_err(),
            Refusal::NotThisVersion(Version::V3)
        );
        assert_eq!(
            decrypt(Version::V3, &key, &[], "v3:00:00").unwrap_err(),
            Refusal::IvLength {
                got: 1,
                own: true,
                version: Version::V3
            }
        );
        // A wrong key breaks CBC's padding (almost always).
        let c = encrypt(Version::V2, &key, &[], "credential")
            .unwrap()
            .unwrap();
        assert_eq!(
            decrypt(Version::V2, &[8u8; 32], &[], &c).unwrap_err(),
            Refusal::Undecryptable(Version::V2)
        );
    }
}
