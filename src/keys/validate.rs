//! Full validation of an RSA private key that came from outside (a file,
//! an environment variable, an import).
//!
//! Invariants: a key that passes is a two-prime RSA key whose parts agree
//! (`rsa`'s `validate`: `n = p·q`, `d·e ≡ 1`), whose primes are prime
//! (Baillie-PSW), distinct and far apart (FIPS 186-5 A.1.3:
//! `|p − q| > 2^(nlen/2 − 100)`, else Fermat factors `n`), whose stored CRT
//! values are the ones its primes give (other implementations sign with
//! them), and which makes a signature that verifies. Anything else is
//! `Error::Usage` "invalid RSA key: …" (exit 2), before any signing code
//! can meet it.

use crate::error::{Error, Result};
use num_bigint_dig::prime::probably_prime;
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

/// Validate `key`; `stored` are the CRT values its encoding carried.
pub(crate) fn validate_private(key: &RsaPrivateKey, stored: &StoredCrt, what: &str) -> Result<()> {
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
    for (name, prime) in [("p", p), ("q", q)] {
        if !probably_prime(prime, 0) {
            return Err(invalid(what, &format!("has a composite {name}")));
        }
    }
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
    let digest = Sha256::digest(b"authctl key check");
    let signature = key
        .sign(Pkcs1v15Sign::new::<Sha256>(), &digest)
        .map_err(|e| invalid(what, &format!("cannot sign ({e})")))?;
    key.to_public_key()
        .verify(Pkcs1v15Sign::new::<Sha256>(), &digest, &signature)
        .map_err(|_| invalid(what, "makes signatures that do not verify"))?;
    Ok(())
}
