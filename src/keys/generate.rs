//! RSA key generation: `p` and `q` are searched at the same time on two
//! threads, each with its own `OsRng`, then the key is built from them.
//!
//! Invariants: e = 65537; `p != q` and `|p - q| > 2^(bits/2 - 100)`
//! (FIPS 186-5 A.1.3); the modulus has exactly the requested bits; the key
//! is validated and its CRT values precomputed before it is returned.

use super::prime::random_prime;
use crate::error::{Error, Result};
use rand_core::OsRng;
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, RsaPrivateKey};

/// The key sizes `generate` makes.
pub const ALLOWED_BITS: [usize; 3] = [2048, 3072, 4096];
/// The public exponent of every generated key.
pub const PUBLIC_EXPONENT: u32 = 65_537;

/// Refuse a key size `generate` does not make.
pub fn check_bits(bits: usize) -> Result<()> {
    if ALLOWED_BITS.contains(&bits) {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "--bits {bits} is not supported: use 2048, 3072 or 4096"
        )))
    }
}

/// Generate an RSA key of `bits` (2048, 3072 or 4096) bits.
pub fn generate(bits: usize) -> Result<RsaPrivateKey> {
    check_bits(bits)?;
    let half = bits / 2;
    // Each attempt fails only with negligible probability; the bound keeps
    // a broken RNG from looping forever.
    for _ in 0..16 {
        let (p, q) = two_primes(half)?;
        if !far_apart(&p, &q, half) {
            continue;
        }
        let Ok(key) = RsaPrivateKey::from_p_q(p, q, BigUint::from(PUBLIC_EXPONENT)) else {
            continue;
        };
        if key.n().bits() != bits {
            continue;
        }
        // `from_p_q` validates and precomputes; both are checked again so a
        // change in the rsa crate cannot hand out an unchecked key.
        let mut key = key;
        key.validate()
            .and_then(|()| key.precompute())
            .map_err(|e| Error::Failure(format!("generated RSA key is invalid: {e}")))?;
        return Ok(key);
    }
    Err(Error::Failure(
        "RSA key generation did not produce a valid key; try again".to_string(),
    ))
}

/// Two independent primes of `half` bits, found in parallel when a second
/// thread can be had.
fn two_primes(half: usize) -> Result<(BigUint, BigUint)> {
    std::thread::scope(|scope| {
        let helper = std::thread::Builder::new()
            .name("authctl-keygen".to_string())
            .spawn_scoped(scope, move || {
                random_prime(half, PUBLIC_EXPONENT, &mut OsRng)
            });
        let q = random_prime(half, PUBLIC_EXPONENT, &mut OsRng);
        let p = match helper {
            Ok(handle) => handle.join().map_err(|_| {
                Error::Failure("the key-generation thread stopped unexpectedly".to_string())
            })?,
            // No second thread available: search on this one.
            Err(_) => random_prime(half, PUBLIC_EXPONENT, &mut OsRng),
        };
        Ok((p?, q?))
    })
}

/// `p != q` and `|p - q| > 2^(half - 100)`.
fn far_apart(p: &BigUint, q: &BigUint, half: usize) -> bool {
    let difference = if p > q { p - q } else { q - p };
    difference.bits() > half.saturating_sub(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::traits::PrivateKeyParts;

    #[test]
    fn generated_key_is_valid_2048_bit_with_e_65537() {
        let key = crate::keys::testkeys::generated();
        assert_eq!(key.n().bits(), 2048);
        assert_eq!(key.e(), &BigUint::from(65_537u32));
        key.validate().unwrap();
        let primes = key.primes();
        assert_eq!(primes.len(), 2);
        assert_ne!(primes[0], primes[1]);
        assert_eq!(primes[0].bits(), 1024);
        assert_eq!(primes[1].bits(), 1024);
        assert!(key.dp().is_some() && key.dq().is_some() && key.qinv().is_some());
        // It signs and verifies.
        let digest = <sha2::Sha256 as sha2::Digest>::digest(b"payload");
        let scheme = rsa::Pkcs1v15Sign::new::<sha2::Sha256>();
        let signature = key.sign(scheme.clone(), &digest).unwrap();
        key.to_public_key()
            .verify(scheme, &digest, &signature)
            .unwrap();
    }

    #[test]
    fn unsupported_sizes_are_usage_errors() {
        for bits in [0, 1024, 2047, 2049, 8192] {
            let err = generate(bits).unwrap_err();
            assert_eq!(err.exit_code(), 2);
            assert!(err.to_string().contains("--bits"), "{err}");
        }
    }

    #[test]
    fn primes_too_close_are_rejected() {
        let p = BigUint::from(1u32) << 1023;
        let q = &p + BigUint::from(2u32);
        assert!(!far_apart(&p, &q, 1024));
        assert!(!far_apart(&p, &p, 1024));
        let far = &p + (BigUint::from(1u32) << 1000);
        assert!(far_apart(&p, &far, 1024));
    }
}
