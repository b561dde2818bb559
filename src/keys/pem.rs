//! PEM import and export of RSA keys.
//!
//! Import accepts PKCS#8 (`BEGIN PRIVATE KEY`) and PKCS#1 (`BEGIN RSA
//! PRIVATE KEY`) private keys, SPKI (`BEGIN PUBLIC KEY`) and PKCS#1 (`BEGIN
//! RSA PUBLIC KEY`) public keys, with surrounding whitespace, indentation,
//! CRLF, and the one-line environment-variable form (literal `\n`).
//! Export writes PKCS#8 and SPKI with LF line endings.
//!
//! Invariants: any input gives a key or an `Error::Usage` (exit 2) whose one
//! line names what was found and the fix — never a panic, never key bytes
//! in a message. Only RSA keys of `MIN_BITS` to `MAX_BITS` bits pass.

use super::validate::{validate_private, Check, StoredCrt};
use crate::error::{Error, Result};
use base64::Engine as _;
use pkcs8::der::pem::LineEnding;
use pkcs8::{DecodePublicKey, EncodePrivateKey, EncodePublicKey, ObjectIdentifier};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};
use std::borrow::Cow;
use zeroize::Zeroizing;

/// The smallest RSA modulus accepted, in bits.
pub const MIN_BITS: usize = 2048;
/// The largest RSA modulus accepted, in bits (the rsa crate's limit).
pub const MAX_BITS: usize = 4096;

const NEEDS_RSA: &str = "authctl needs an RSA key for RS256/RS512";
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// Parse an unencrypted RSA private key in PKCS#8 or PKCS#1 PEM.
pub fn parse_private_pem(text: &str) -> Result<RsaPrivateKey> {
    private_from_text(text, "the private key", Check::Full)
}

/// `parse_private_pem` for a key that signs next (`Check::ToSign`).
pub fn parse_private_pem_to_sign(text: &str) -> Result<RsaPrivateKey> {
    private_from_text(text, "the private key", Check::ToSign)
}

/// `parse_private_pem` for bytes that may not be text at all.
pub fn parse_private_pem_bytes(bytes: &[u8]) -> Result<RsaPrivateKey> {
    private_from_bytes(bytes, "the private key", Check::Full)
}

/// Parse an RSA public key in SPKI or PKCS#1 PEM.
pub fn parse_public_pem(text: &str) -> Result<RsaPublicKey> {
    public_from_text(text, "the public key")
}

/// The private key as unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`, LF).
pub fn private_pkcs8_pem(key: &RsaPrivateKey) -> Result<Zeroizing<String>> {
    key.to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| Error::Failure(format!("cannot encode the private key as PKCS#8: {e}")))
}

/// The public key as SPKI PEM (`BEGIN PUBLIC KEY`, LF).
pub fn public_spki_pem(key: &RsaPublicKey) -> Result<String> {
    key.to_public_key_pem(LineEnding::LF)
        .map_err(|e| Error::Failure(format!("cannot encode the public key as SPKI: {e}")))
}

/// Bytes to a private key; `what` names the source in messages
/// (`the private key`, `private key file "…"`).
pub(crate) fn private_from_bytes(bytes: &[u8], what: &str, check: Check) -> Result<RsaPrivateKey> {
    match std::str::from_utf8(bytes) {
        Ok(text) => private_from_text(text, what, check),
        Err(_) => Err(not_text(bytes, what)),
    }
}

/// Bytes to a public key; `what` names the source in messages.
pub(crate) fn public_from_bytes(bytes: &[u8], what: &str) -> Result<RsaPublicKey> {
    match std::str::from_utf8(bytes) {
        Ok(text) => public_from_text(text, what),
        Err(_) => Err(not_text(bytes, what)),
    }
}

fn not_text(bytes: &[u8], what: &str) -> Error {
    if bytes.first() == Some(&0x30) {
        Error::usage(format!(
            "{what} is binary (DER), not PEM text; convert it with `openssl pkey -inform DER -in FILE -out key.pem`"
        ))
    } else {
        Error::usage(format!(
            "{what} is binary data, not PEM text; give a PEM file that starts with -----BEGIN"
        ))
    }
}

pub(crate) fn private_from_text(text: &str, what: &str, check: Check) -> Result<RsaPrivateKey> {
    let text = normalize(text);
    if text.is_empty() {
        return Err(Error::usage(format!(
            "{what} is empty; give an RSA private key in PEM (-----BEGIN PRIVATE KEY-----)"
        )));
    }
    let blocks = pem_blocks(&text, what)?;
    let private_blocks = blocks
        .iter()
        .filter(|b| b.label.ends_with("PRIVATE KEY"))
        .count();
    if private_blocks > 1 {
        return Err(Error::usage(format!(
            "{what} holds {private_blocks} private keys; authctl will not guess which one signs: keep exactly one"
        )));
    }
    let Some(block) = blocks.iter().find(|b| b.label.ends_with("PRIVATE KEY")) else {
        return Err(match blocks.first() {
            Some(b) if b.label.contains("PUBLIC KEY") => Error::usage(format!(
                "{what} is a public key ({}), but a private key is needed; give the PEM that starts with -----BEGIN PRIVATE KEY-----",
                b.label
            )),
            Some(b) if b.label == "CERTIFICATE" => Error::usage(format!(
                "{what} is a certificate, but a private key is needed; give the PEM that starts with -----BEGIN PRIVATE KEY-----"
            )),
            Some(b) => Error::usage(format!(
                "{what} is a PEM {}, not a private key; give an RSA private key (-----BEGIN PRIVATE KEY-----)",
                b.label
            )),
            None => not_pem(&text, what),
        });
    };
    if block.encrypted {
        return Err(encrypted(what));
    }
    // Both forms come down to one PKCS#1 structure: first the structure
    // (so damage and inconsistency read differently) and the CRT values it
    // stores, then the key.
    let from_pkcs1 = |der: &[u8]| -> Result<(RsaPrivateKey, StoredCrt)> {
        let structure = rsa::pkcs1::RsaPrivateKey::try_from(der).map_err(|e| damaged(what, &e))?;
        let crt = StoredCrt::of(&structure);
        let key = RsaPrivateKey::from_pkcs1_der(der).map_err(|e| inconsistent(what, &e))?;
        Ok((key, crt))
    };
    let (key, crt) = match block.label.as_str() {
        "PRIVATE KEY" => {
            let der = block.der(what)?;
            let info = pkcs8::PrivateKeyInfo::try_from(der.as_slice())
                .map_err(|e| damaged(what, &e))?;
            check_algorithm(info.algorithm.oid, what)?;
            from_pkcs1(info.private_key)?
        }
        "RSA PRIVATE KEY" => from_pkcs1(&block.der(what)?)?,
        "ENCRYPTED PRIVATE KEY" => return Err(encrypted(what)),
        "EC PRIVATE KEY" => return Err(not_rsa(what, "an EC")),
        "DSA PRIVATE KEY" => return Err(not_rsa(what, "a DSA")),
        "OPENSSH PRIVATE KEY" => {
            return Err(Error::usage(format!(
                "{what} is in OpenSSH format; {NEEDS_RSA} in PEM: convert an RSA one with `ssh-keygen -p -m PKCS8 -f FILE`, or generate one with `authctl keygen`"
            )))
        }
        other => {
            return Err(Error::usage(format!(
                "{what} is a PEM {other}; {NEEDS_RSA} (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)"
            )))
        }
    };
    check_size(key.n().bits(), what)?;
    validate_private(&key, &crt, what, check)?;
    Ok(key)
}

pub(crate) fn public_from_text(text: &str, what: &str) -> Result<RsaPublicKey> {
    let text = normalize(text);
    if text.is_empty() {
        return Err(Error::usage(format!(
            "{what} is empty; give an RSA public key in PEM (-----BEGIN PUBLIC KEY-----)"
        )));
    }
    let blocks = pem_blocks(&text, what)?;
    let Some(block) = blocks.iter().find(|b| b.label.ends_with("PUBLIC KEY")) else {
        return Err(match blocks.first() {
            Some(b) if b.label.ends_with("PRIVATE KEY") => Error::usage(format!(
                "{what} is a private key, where only the public key belongs; derive it with `openssl pkey -in FILE -pubout`"
            )),
            Some(b) if b.label == "CERTIFICATE" => Error::usage(format!(
                "{what} is a certificate; extract its public key with `openssl x509 -in FILE -pubkey -noout`"
            )),
            Some(b) => Error::usage(format!(
                "{what} is a PEM {}, not a public key; give an RSA public key (-----BEGIN PUBLIC KEY-----)",
                b.label
            )),
            None => not_pem(&text, what),
        });
    };
    let key = match block.label.as_str() {
        "PUBLIC KEY" => {
            let der = block.der(what)?;
            let spki = pkcs8::SubjectPublicKeyInfoRef::try_from(der.as_slice())
                .map_err(|e| damaged(what, &e))?;
            check_algorithm(spki.algorithm.oid, what)?;
            RsaPublicKey::from_public_key_der(&der).map_err(|e| inconsistent(what, &e))?
        }
        "RSA PUBLIC KEY" => {
            let der = block.der(what)?;
            rsa::pkcs1::RsaPublicKey::try_from(der.as_slice()).map_err(|e| damaged(what, &e))?;
            RsaPublicKey::from_pkcs1_der(&der).map_err(|e| inconsistent(what, &e))?
        }
        other => {
            return Err(Error::usage(format!(
                "{what} is a PEM {other}; {NEEDS_RSA} (BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY)"
            )))
        }
    };
    check_size(key.n().bits(), what)?;
    Ok(key)
}

/// Undo the ways a PEM gets mangled on its way through `.env` files, YAML
/// and shells: surrounding whitespace and quotes, `\n` escapes, CRLF.
fn normalize(text: &str) -> Cow<'_, str> {
    let mut s = text.trim();
    for quote in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(quote) && s.ends_with(quote) {
            s = s[1..s.len() - 1].trim();
            break;
        }
    }
    if s.contains("\\n") {
        let unescaped = s.replace("\\r\\n", "\n").replace("\\n", "\n");
        return Cow::Owned(unescaped.trim().replace('\r', ""));
    }
    if s.contains('\r') {
        return Cow::Owned(s.replace('\r', ""));
    }
    Cow::Borrowed(s)
}

/// One `-----BEGIN X----- … -----END X-----` block.
struct Block {
    label: String,
    encrypted: bool,
    body: String,
}

impl Block {
    fn der(&self, what: &str) -> Result<Zeroizing<Vec<u8>>> {
        let engine = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
        );
        let der = engine.decode(self.body.as_bytes()).map_err(|_| {
            Error::usage(format!(
                "{what} is damaged: its PEM body is not valid base64; copy the whole file again"
            ))
        })?;
        if der.is_empty() {
            return Err(Error::usage(format!(
                "{what} is truncated: its PEM block is empty; copy the whole file again"
            )));
        }
        Ok(Zeroizing::new(der))
    }
}

/// The PEM blocks in `text`, in order. Text outside blocks is ignored
/// (OpenSSL "Bag Attributes", comments); header lines (`Proc-Type: …`) are
/// noted; whitespace inside the body is dropped, so a PEM whose newlines
/// became spaces still reads.
fn pem_blocks(text: &str, what: &str) -> Result<Vec<Block>> {
    const BEGIN: &str = "-----BEGIN ";
    const DASHES: &str = "-----";
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(BEGIN) {
        let after = &rest[at + BEGIN.len()..];
        let Some(label_end) = after.find(DASHES) else {
            return Err(truncated(what));
        };
        let label = after[..label_end].trim();
        if label.is_empty()
            || label.len() > 64
            || !label
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ' || b == b'#')
        {
            return Err(Error::usage(format!(
                "{what} has a malformed -----BEGIN line; copy the whole PEM file again"
            )));
        }
        let content_start = &after[label_end + DASHES.len()..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = content_start.find(&end_marker) else {
            return Err(truncated(what));
        };
        let content = &content_start[..end];
        if content.contains("-----BEGIN ") {
            return Err(truncated(what));
        }
        let mut encrypted = false;
        let mut body = String::with_capacity(content.len());
        for line in content.lines() {
            if let Some((name, value)) = line.split_once(':') {
                let name = name.trim();
                if name.eq_ignore_ascii_case("Proc-Type") && value.contains("ENCRYPTED") {
                    encrypted = true;
                }
                if name.eq_ignore_ascii_case("DEK-Info") {
                    encrypted = true;
                }
                continue;
            }
            body.extend(line.chars().filter(|c| !c.is_whitespace()));
        }
        blocks.push(Block {
            label: label.to_string(),
            encrypted,
            body,
        });
        rest = &content_start[end + end_marker.len()..];
    }
    Ok(blocks)
}

fn not_pem(text: &str, what: &str) -> Error {
    if text.starts_with("ssh-") || text.starts_with("ecdsa-sha2-") {
        return Error::usage(format!(
            "{what} is an OpenSSH public key line, not a PEM key; {NEEDS_RSA} in PEM"
        ));
    }
    if text.starts_with('{') {
        return Error::usage(format!(
            "{what} looks like JSON (a JWK?), not PEM; give a PEM key that starts with -----BEGIN"
        ));
    }
    Error::usage(format!(
        "{what} is not a PEM key (no -----BEGIN line); give a PEM file that starts with -----BEGIN"
    ))
}

fn truncated(what: &str) -> Error {
    Error::usage(format!(
        "{what} is truncated: a -----BEGIN line has no matching -----END line; copy the whole PEM file again"
    ))
}

fn encrypted(what: &str) -> Error {
    Error::usage(format!(
        "{what} is encrypted with a passphrase; authctl needs it unencrypted: decrypt it with `openssl pkey -in FILE -out key.pem` and keep that file mode 0600"
    ))
}

fn damaged(what: &str, cause: &dyn std::fmt::Display) -> Error {
    Error::usage(format!(
        "{what} is damaged or truncated ({cause}); copy the whole PEM file again"
    ))
}

fn inconsistent(what: &str, cause: &dyn std::fmt::Display) -> Error {
    Error::usage(format!(
        "invalid RSA key: {what} is not a usable RSA key ({cause}); export it again or generate one with `authctl keygen`"
    ))
}

fn not_rsa(what: &str, kind: &str) -> Error {
    Error::usage(format!(
        "{what} is {kind} key; {NEEDS_RSA} (generate one with `authctl keygen`)"
    ))
}

fn check_algorithm(oid: ObjectIdentifier, what: &str) -> Result<()> {
    if oid == RSA_ENCRYPTION {
        return Ok(());
    }
    let kind = match oid.to_string().as_str() {
        "1.2.840.10045.2.1" => "an EC",
        "1.3.101.112" => "an Ed25519",
        "1.3.101.113" => "an Ed448",
        "1.3.101.110" => "an X25519",
        "1.3.101.111" => "an X448",
        "1.2.840.10040.4.1" => "a DSA",
        "1.2.840.113549.1.1.10" => {
            return Err(Error::usage(format!(
                "{what} is an RSA-PSS-only key; {NEEDS_RSA} with the plain rsaEncryption type: generate one with `authctl keygen`"
            )))
        }
        other => {
            return Err(Error::usage(format!(
                "{what} is a non-RSA key (algorithm {other}); {NEEDS_RSA} (generate one with `authctl keygen`)"
            )))
        }
    };
    Err(not_rsa(what, kind))
}

fn check_size(bits: usize, what: &str) -> Result<()> {
    if bits < MIN_BITS {
        return Err(Error::usage(format!(
            "{what} is a {bits}-bit RSA key; authctl needs at least {MIN_BITS} bits: generate one with `authctl keygen`"
        )));
    }
    if bits > MAX_BITS {
        return Err(Error::usage(format!(
            "{what} is a {bits}-bit RSA key; authctl supports up to {MAX_BITS} bits"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::testkeys::*;

    fn usage_message(result: Result<impl Sized>) -> String {
        match result {
            Ok(_) => panic!("expected an error"),
            Err(err) => {
                assert_eq!(err.exit_code(), 2, "{err}");
                let message = err.to_string();
                assert!(!message.contains('\n'), "{message}");
                message
            }
        }
    }

    #[test]
    fn reads_pkcs8_and_pkcs1_private_keys() {
        let a = parse_private_pem(PKCS8).unwrap();
        let b = parse_private_pem(PKCS1).unwrap();
        assert_eq!(a.n().bits(), 2048);
        assert_eq!(b.n().bits(), 2048);
        assert_ne!(a.to_public_key(), b.to_public_key());
        a.validate().unwrap();
        b.validate().unwrap();
    }

    #[test]
    fn reads_spki_and_pkcs1_public_keys_matching_their_private_keys() {
        assert_eq!(
            parse_public_pem(PKCS8_PUB).unwrap(),
            pkcs8().to_public_key()
        );
        assert_eq!(
            parse_public_pem(PKCS1_PUB).unwrap(),
            pkcs1().to_public_key()
        );
        assert_eq!(
            parse_public_pem(PKCS1_RSAPUB).unwrap(),
            pkcs1().to_public_key()
        );
    }

    #[test]
    fn tolerates_env_var_and_yaml_mangling() {
        let expected = pkcs8().to_public_key();
        let escaped = PKCS8.trim().replace('\n', "\\n");
        let crlf = PKCS8.replace('\n', "\r\n");
        let indented: String = PKCS8.lines().map(|l| format!("    {l}\n")).collect();
        let one_line = PKCS8.trim().replace('\n', " ");
        for variant in [
            format!("\n\n  {PKCS8}  \n"),
            escaped.clone(),
            format!("\"{escaped}\""),
            format!("'{PKCS8}'"),
            crlf,
            indented,
            one_line,
            format!("Bag Attributes\n    localKeyID: 01\n{PKCS8}"),
        ] {
            let key = parse_private_pem(&variant).unwrap();
            assert_eq!(key.to_public_key(), expected);
        }
        let public = parse_public_pem(&PKCS8_PUB.trim().replace('\n', "\\n")).unwrap();
        assert_eq!(public, expected);
    }

    #[test]
    fn exports_pkcs8_and_spki_that_read_back() {
        let key = pkcs1();
        let private = private_pkcs8_pem(&key).unwrap();
        assert!(private.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        assert!(private.ends_with("-----END PRIVATE KEY-----\n"));
        assert!(!private.contains('\r'));
        assert_eq!(parse_private_pem(&private).unwrap(), key);
        let public = public_spki_pem(&key.to_public_key()).unwrap();
        assert!(public.starts_with("-----BEGIN PUBLIC KEY-----\n"));
        assert!(!public.contains('\r'));
        // Same bytes as `openssl rsa -pubout` gave for this key.
        assert_eq!(public, PKCS1_PUB);
    }

    #[test]
    fn refuses_bad_private_inputs_with_usage_errors() {
        let body_start = PKCS8.find('\n').unwrap() + 1;
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "empty"),
            ("   \n\t".into(), "empty"),
            ("hello world".into(), "not a PEM key"),
            ("{\"kty\":\"RSA\"}".into(), "JSON"),
            ("ssh-rsa AAAAB3NzaC1yc2E user@host".into(), "OpenSSH public key"),
            (RSA1024.into(), "1024-bit"),
            (ENCRYPTED_PKCS8.into(), "encrypted"),
            (ENCRYPTED_PKCS1.into(), "encrypted"),
            (EC.into(), NEEDS_RSA),
            (EC_PKCS8.into(), NEEDS_RSA),
            (ED25519.into(), NEEDS_RSA),
            (RSA_PSS.into(), "RSA-PSS"),
            (
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n".into(),
                NEEDS_RSA,
            ),
            (
                "-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQ==\n-----END DSA PRIVATE KEY-----\n".into(),
                NEEDS_RSA,
            ),
            (PKCS8_PUB.into(), "public key"),
            (PKCS1_RSAPUB.into(), "public key"),
            (EC_PUB.into(), "public key"),
            (CERT.into(), "certificate"),
            (PKCS8[..PKCS8.len() / 2].into(), "truncated"),
            (PKCS8[..body_start + 10].into(), "truncated"),
            (
                format!("{}{}", &PKCS8[..PKCS8.len() / 2], "\n-----END PRIVATE KEY-----\n"),
                "damaged",
            ),
            (
                "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n".into(),
                "truncated",
            ),
            (
                "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n".into(),
                "base64",
            ),
            (
                "-----BEGIN PRIVATE KEY-----\naGVsbG8gd29ybGQ=\n-----END PRIVATE KEY-----\n".into(),
                "damaged",
            ),
            ("-----BEGIN lowercase-----\n".into(), "malformed"),
            ("-----BEGIN PRIVATE KEY".into(), "truncated"),
            (
                "-----BEGIN X509 CRL-----\naGVsbG8=\n-----END X509 CRL-----\n".into(),
                "not a private key",
            ),
        ];
        for (input, expected) in cases {
            let message = usage_message(parse_private_pem(&input));
            assert!(
                message.contains(expected),
                "{expected:?} not in {message:?} for input starting {:?}",
                input.chars().take(40).collect::<String>()
            );
            assert!(message.starts_with("the private key"), "{message}");
        }
    }

    #[test]
    fn refuses_binary_input() {
        let der = pkcs8::EncodePrivateKey::to_pkcs8_der(&pkcs8()).unwrap();
        let message = usage_message(parse_private_pem_bytes(der.as_bytes()));
        assert!(message.contains("DER"), "{message}");
        let message = usage_message(parse_private_pem_bytes(&[0xff, 0x00, 0xfe, 0x80]));
        assert!(message.contains("binary"), "{message}");
        assert_eq!(parse_private_pem_bytes(PKCS1.as_bytes()).unwrap(), pkcs1());
    }

    #[test]
    fn refuses_bad_public_inputs_with_usage_errors() {
        let cases: Vec<(&str, &str)> = vec![
            ("", "empty"),
            ("not a key", "not a PEM key"),
            (PKCS8, "private key"),
            (PKCS1, "private key"),
            (CERT, "certificate"),
            (EC_PUB, NEEDS_RSA),
            (RSA1024_PUB, "1024-bit"),
        ];
        for (input, expected) in cases {
            let message = usage_message(parse_public_pem(input));
            assert!(
                message.contains(expected),
                "{expected:?} not in {message:?}"
            );
        }
    }

    #[test]
    fn never_panics_on_mangled_input() {
        // Every prefix, and single-byte corruptions of the DER inside a valid PEM.
        let inputs = [PKCS8, PKCS1, PKCS8_PUB, PKCS1_RSAPUB, EC, ED25519];
        for input in inputs {
            for cut in (0..input.len()).step_by(7) {
                let _ = parse_private_pem(&input[..cut]);
                let _ = parse_public_pem(&input[..cut]);
            }
        }
        let der = pkcs8::EncodePrivateKey::to_pkcs8_der(&pkcs1()).unwrap();
        let der = der.as_bytes();
        let engine = base64::engine::general_purpose::STANDARD;
        for position in (0..der.len()).step_by(3) {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut mangled = der.to_vec();
                mangled[position] ^= flip;
                let pem = format!(
                    "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
                    engine.encode(&mangled)
                );
                if let Err(err) = parse_private_pem(&pem) {
                    assert_eq!(err.exit_code(), 2);
                }
                let rsa_pem = pem.replace("PRIVATE KEY", "RSA PRIVATE KEY");
                let _ = parse_private_pem(&rsa_pem);
            }
        }
        for bytes in [
            &[0u8][..],
            &[0x30, 0x82, 0xff, 0xff],
            &[0x30; 64],
            b"\xef\xbb\xbf",
        ] {
            let _ = parse_private_pem_bytes(bytes);
        }
    }

    #[test]
    fn messages_never_contain_key_material() {
        let body_line = PKCS8.lines().nth(1).unwrap();
        for input in [
            PKCS8[..PKCS8.len() / 2].to_string(),
            PKCS8.replace("PRIVATE KEY", "EC PRIVATE KEY"),
            PKCS8.replace("MII", "MIJ"),
        ] {
            if let Err(err) = parse_private_pem(&input) {
                assert!(!err.to_string().contains(&body_line[..20]), "{err}");
            }
        }
    }
}
