//! Full validation of an RSA private key that came from outside (a file,
//! an environment variable, an import).
//!
//! Invariants: a key that passes is a two-prime RSA key whose parts agree
//! (`rsa`'s `validate`: `n = p·q`, `d·e ≡ 1`), whose primes pass a
//! Miller-Rabin round to base 2, are distinct and far apart (FIPS 186-5 A.1.3:
//! `|p − q| > 2^(nlen/2 − 100)`, else Fermat factors `n`), whose stored CRT
//! values are the ones its primes give (other implementations sign with
//! them), and which makes a signature that verifies. Anything else is
//! `Error::Usage` "invalid RSA key: …" (exit 2), before any signing code
//! can meet it.
//!
//! `Check::ToSign` is for a key about to sign (each `token mint`): it
//! leaves out the primality round and the test signature (about 2.4 and
//! 3.1 ms on a 2048-bit key), because the signature authctl then makes is
//! itself checked (ring, and the rsa crate where ring refuses a key, verify
//! what they sign, and `token::mint` turns a
//! failure into this same error instead of a panic). Every other load is
//! `Check::Full`. One Miller-Rabin round to base 2 catches every composite
//! short of a base-2 strong pseudoprime, which nobody makes by accident;
//! the test signature fails for one it misses.

use crate::error::{Error, Result};
use num_bigint_dig::prime::probably_prime_miller_rabin;
use num_bigint_dig::ModInverse;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BigUint, Pkcs1v15Sign, RsaPrivateKey};
use sha2::{Digest, Sha256};

fn invalid(what: &str, reason: &str) -> Error {
    Error::usage(format!(
        "invalid RSA key: {what} {reason}; generate a new one with `authctl keygen --force`"
    ))
}

/// The CRT values a PKCS#1 `RSAPrivateKey` structure stores.
pub(crate) struct StoredCrt {
    pub dp: BigUint,
    pub dq: BigUint,
    pub qinv: BigUint,
}

impl StoredCrt {
    /// The CRT values of a parsed PKCS#1 structure.
    pub fn of(k: &rsa::pkcs1::RsaPrivateKey<'_>) -> Self {
        StoredCrt {
            dp: BigUint::from_bytes_be(k.exponent1.as_bytes()),
            dq: BigUint::from_bytes_be(k.exponent2.as_bytes()),
            qinv: BigUint::from_bytes_be(k.coefficient.as_bytes()),
        }
    }
}

/// How much to check (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Everything, with a test signature: for a key that is imported,
    /// inspected or only used to verify.
    Full,
    /// Everything but primality and the test signature, for a key whose
    /// next use is a checked signature.
    ToSign,
}

/// The error for a key whose signatures do not verify.
pub fn cannot_sign(what: &str) -> Error {
    invalid(
        what,
        "makes signatures that do not verify (a prime that is not prime, or damaged numbers)",
    )
}

/// Validate `key` to `check`; `stored` are the CRT values its encoding
/// carried.
pub(crate) fn validate_private(
    key: &RsaPrivateKey,
    stored: &StoredCrt,
    what: &str,
    check: Check,
) -> Result<()> {
    let primes = key.primes();
    let [p, q] = primes else {
        return Err(invalid(
            what,
            &format!(
                "has {} primes; only two-prime keys are supported",
                primes.len()
            ),
        ));
    };
    if p == q {
        return Err(invalid(what, "has p = q"));
    }
    key.validate()
        .map_err(|e| invalid(what, &format!("is inconsistent ({e})")))?;
    let half = key.n().bits() / 2;
    let difference = if p > q { p - q } else { q - p };
    if difference.bits() <= half.saturating_sub(100) {
        return Err(invalid(
            what,
            "has primes so close together that the modulus is easy to factor",
        ));
    }
    let one = BigUint::from(1u8);
    let d = key.d();
    let qinv = q
        .clone()
        .mod_inverse(p)
        .and_then(|v| v.to_biguint())
        .ok_or_else(|| invalid(what, "has primes with no CRT coefficient"))?;
    if stored.dp != d % (p - &one) || stored.dq != d % (q - &one) || stored.qinv != qinv {
        return Err(invalid(
            what,
            "stores CRT values (exponent1, exponent2, coefficient) that do not match its primes",
        ));
    }
    if check == Check::ToSign {
        return Ok(());
    }
    for (name, prime) in [("p", p), ("q", q)] {
        if !probably_prime_miller_rabin(prime, 1, true) {
            return Err(invalid(what, &format!("has a composite {name}")));
        }
    }
    let digest = Sha256::digest(b"authctl key check");
    let signature = key
        .sign(Pkcs1v15Sign::new::<Sha256>(), &digest)
        .map_err(|_| cannot_sign(what))?;
    key.to_public_key()
        .verify(Pkcs1v15Sign::new::<Sha256>(), &digest, &signature)
        .map_err(|_| cannot_sign(what))?;
    Ok(())
}
