//! Python's `random.Random(str)` (MT19937, seed version 2) and
//! `getrandbits(8)`, bit for bit, for Langflow's legacy short-key Fernet key.
//!
//! Invariants: output equals CPython 3's for the same `str` seed; this is a
//! compatibility shim for decrypting old data, never a source of secrets.

use sha2::{Digest, Sha512};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The Mersenne Twister state as CPython's `_random.Random` keeps it.
pub(crate) struct PyRandom {
    mt: [u32; N],
    index: usize,
}

impl PyRandom {
    /// `random.Random(seed)` for a `str` seed: the integer
    /// `int.from_bytes(seed.encode() + sha512(seed.encode()).digest(), "big")`
    /// fed to `init_by_array` as 32-bit words, least significant first.
    pub(crate) fn from_str_seed(seed: &str) -> Self {
        let mut be = seed.as_bytes().to_vec();
        be.extend_from_slice(&Sha512::digest(seed.as_bytes()));
        // Little-endian bytes without the integer's leading zero bytes.
        let mut le: Vec<u8> = be.into_iter().rev().collect();
        while le.len() > 1 && le.last() == Some(&0) {
            le.pop();
        }
        let key: Vec<u32> = le
            .chunks(4)
            .map(|chunk| {
                let mut word = [0u8; 4];
                word[..chunk.len()].copy_from_slice(chunk);
                u32::from_le_bytes(word)
            })
            .collect();
        let mut rng = PyRandom {
            mt: [0; N],
            index: N,
        };
        rng.init_by_array(&key);
        rng
    }

    fn init_genrand(&mut self, seed: u32) {
        self.mt[0] = seed;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        for _ in 0..N.max(key.len()) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for k in 0..N - M {
            let y = (self.mt[k] & UPPER_MASK) | (self.mt[k + 1] & LOWER_MASK);
            self.mt[k] = self.mt[k + M] ^ (y >> 1) ^ mag(y);
        }
        for k in N - M..N - 1 {
            let y = (self.mt[k] & UPPER_MASK) | (self.mt[k + 1] & LOWER_MASK);
            self.mt[k] = self.mt[k + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (self.mt[N - 1] & UPPER_MASK) | (self.mt[0] & LOWER_MASK);
        self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    /// `getrandbits(k)` for `1 <= k <= 32`: the top `k` bits of one output.
    pub(crate) fn getrandbits(&mut self, k: u32) -> u32 {
        debug_assert!((1..=32).contains(&k));
        self.next_u32() >> (32 - k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_getrandbits() {
        // python3 -c "import random; r = random.Random('popcorn'); print([r.getrandbits(32) for _ in range(3)])"
        let mut r = PyRandom::from_str_seed("popcorn");
        let first: Vec<u32> = (0..3).map(|_| r.getrandbits(32)).collect();
        assert_eq!(first, EXPECTED_POPCORN_32);
        // python3 -c "import random; r = random.Random(''); print([r.getrandbits(8) for _ in range(8)])"
        let mut r = PyRandom::from_str_seed("");
        let bytes: Vec<u32> = (0..8).map(|_| r.getrandbits(8)).collect();
        assert_eq!(bytes, EXPECTED_EMPTY_8);
    }

    #[test]
    fn survives_more_than_one_twist() {
        // python3 -c "import random; r = random.Random('a'); [r.getrandbits(32) for _ in range(1000)]; print(r.getrandbits(32))"
        let mut r = PyRandom::from_str_seed("a");
        for _ in 0..1000 {
            r.getrandbits(32);
        }
        assert_eq!(r.getrandbits(32), EXPECTED_A_1001ST);
    }

    const EXPECTED_POPCORN_32: [u32; 3] = [1_412_963_912, 2_000_695_240, 1_127_937_724];
    const EXPECTED_EMPTY_8: [u32; 8] = [245, 116, 152, 52, 99, 221, 187, 192];
    const EXPECTED_A_1001ST: u32 = 1_231_896_422;
}
