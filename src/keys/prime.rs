//! Random probable primes for RSA keys.
//!
//! Each search starts from fresh CSPRNG bytes with the top two bits set (so
//! `p * q` has exactly twice the bits) and the low bit set, sieves a window
//! of odd offsets against every odd prime below 2^16 and against
//! `p ≡ 1 (mod e)`, and tests the survivors in order: one Miller-Rabin round
//! to base 2 to discard composites cheaply, then Baillie-PSW plus five
//! Miller-Rabin rounds (`num_bigint_dig::prime::probably_prime`), beyond the
//! FIPS 186-5 table B.1 rounds for these sizes.
//!
//! Invariants: a returned prime has exactly `bits` bits, and `p - 1` is
//! coprime to the public exponent `e` (a prime).

use crate::error::{Error, Result};
use num_bigint_dig::prime::{probably_prime, probably_prime_miller_rabin};
use rand_core::{CryptoRng, RngCore};
use rsa::BigUint;
use std::sync::OnceLock;
use zeroize::Zeroizing;

/// Small odd primes below this bound sieve the candidates.
const SIEVE_BOUND: usize = 1 << 16;
/// Odd candidates examined per random start; a 1024-bit prime is found in
/// one window except with odds about 1e-5.
const WINDOW: usize = 1 << 12;
/// `probably_prime(n, ROUNDS)` runs `ROUNDS + 1` Miller-Rabin rounds and a
/// strong Lucas test.
const FINAL_ROUNDS: usize = 4;

/// The odd primes below `SIEVE_BOUND`.
fn small_primes() -> &'static [u32] {
    static PRIMES: OnceLock<Vec<u32>> = OnceLock::new();
    PRIMES.get_or_init(|| {
        let mut composite = vec![false; SIEVE_BOUND];
        let mut primes = Vec::new();
        for n in 3..SIEVE_BOUND {
            if n % 2 == 0 || composite[n] {
                continue;
            }
            // n < 2^16, so it fits a u32.
            primes.push(n as u32);
            let mut multiple = n * n;
            while multiple < SIEVE_BOUND {
                composite[multiple] = true;
                multiple += 2 * n;
            }
        }
        primes
    })
}

/// `big mod m` for a big-endian byte string and a small modulus.
fn mod_small(big_endian: &[u8], m: u32) -> u32 {
    let m = u64::from(m);
    let mut rest = 0u64;
    for chunk in big_endian.chunks(4) {
        let mut word = 0u64;
        for &byte in chunk {
            word = (word << 8) | u64::from(byte);
        }
        rest = ((rest << (8 * chunk.len())) | word) % m;
    }
    // rest < m <= u32::MAX.
    rest as u32
}

/// Mark the offsets `k` in `composite` where `(residue + 2k) ≡ target (mod m)`.
fn mark(composite: &mut [bool], residue: u32, target: u32, m: u32) {
    let m64 = u64::from(m);
    // m is odd, so (m + 1) / 2 is the inverse of 2 modulo m.
    let inverse_of_two = m64.div_ceil(2);
    let gap = (u64::from(target) + m64 - u64::from(residue)) % m64;
    // Below m, hence below 2^32 and a valid usize step.
    let mut k = (gap * inverse_of_two % m64) as usize;
    while k < composite.len() {
        composite[k] = true;
        k += m as usize;
    }
}

/// A random probable prime of exactly `bits` bits (a multiple of 8, at
/// least 64) with `p mod e != 1`.
pub(crate) fn random_prime<R: RngCore + CryptoRng>(
    bits: usize,
    e: u32,
    rng: &mut R,
) -> Result<BigUint> {
    if bits < 64 || bits % 8 != 0 {
        return Err(Error::Failure(format!(
            "cannot search for a {bits}-bit prime"
        )));
    }
    let primes = small_primes();
    let mut start = Zeroizing::new(vec![0u8; bits / 8]);
    let mut composite = vec![false; WINDOW];
    loop {
        rng.try_fill_bytes(&mut start).map_err(|e| {
            Error::Failure(format!(
                "cannot read random bytes from the operating system: {e}"
            ))
        })?;
        start[0] |= 0xc0;
        if let Some(last) = start.last_mut() {
            *last |= 1;
        }
        composite.fill(false);
        for &p in primes {
            mark(&mut composite, mod_small(&start, p), 0, p);
        }
        if e > 2 {
            mark(&mut composite, mod_small(&start, e), 1, e);
        }
        let base = BigUint::from_bytes_be(&start);
        for (k, _) in composite.iter().enumerate().filter(|(_, &c)| !c) {
            let candidate = &base + BigUint::from(2 * k as u64);
            if candidate.bits() != bits {
                break;
            }
            if probably_prime_miller_rabin(&candidate, 1, true)
                && probably_prime(&candidate, FINAL_ROUNDS)
            {
                return Ok(candidate);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::OsRng;

    #[test]
    fn small_primes_are_the_odd_primes_below_the_bound() {
        let primes = small_primes();
        assert_eq!(&primes[..8], &[3, 5, 7, 11, 13, 17, 19, 23]);
        // π(65536) = 6542, minus the prime 2.
        assert_eq!(primes.len(), 6541);
        assert_eq!(primes.last(), Some(&65521));
    }

    #[test]
    fn mod_small_matches_biguint() {
        let bytes: Vec<u8> = (1..=131u32).map(|i| (i * 37 % 251) as u8).collect();
        let big = BigUint::from_bytes_be(&bytes);
        for m in [3u32, 7, 65521, 65537, 4_294_967_291] {
            let expected = (&big % BigUint::from(m)).to_bytes_be();
            let expected = expected
                .iter()
                .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
            assert_eq!(u64::from(mod_small(&bytes, m)), expected, "mod {m}");
        }
    }

    #[test]
    fn mark_hits_exactly_the_multiples() {
        let mut composite = vec![false; 100];
        // 11 + 2k ≡ 0 (mod 7) at k = 5, 12, 19, ...
        mark(&mut composite, 11 % 7, 0, 7);
        let hits: Vec<usize> = (0..100).filter(|&k| composite[k]).collect();
        assert!(hits.iter().all(|&k| (11 + 2 * k) % 7 == 0));
        assert_eq!(
            hits.len(),
            (0..100).filter(|k| (11 + 2 * k) % 7 == 0).count()
        );
    }

    #[test]
    fn finds_primes_of_the_requested_size() {
        for bits in [64, 128, 256, 512] {
            let p = random_prime(bits, 65537, &mut OsRng).unwrap();
            assert_eq!(p.bits(), bits);
            assert!(probably_prime(&p, 20));
            let rem = (&p % BigUint::from(65537u32)).to_bytes_be();
            assert_ne!(rem, vec![1u8]);
        }
        assert!(random_prime(60, 65537, &mut OsRng).is_err());
    }
}
