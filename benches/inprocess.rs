//! In-process benchmarks of the token functions and RSA key generation.
//!
//! Uses only the committed fixture keys (tests/fixtures/keys), never the user's
//! config dir. `scripts/bench.sh` times whole processes; this file times the
//! library calls alone, so the difference between the two is process startup.
//! Run with `cargo bench --bench inprocess`; the whole run takes about a minute.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use secrecy::SecretString;
use serde_json::{Map, Value};

use authctl::token::{
    decode_unverified, mint, standard_claims, verify, Alg, ExtraClaims, SigningKey, TokenType,
    VerifyKey, VerifyPolicy,
};

const RSA_PRIVATE_PEM: &str = include_str!("../tests/fixtures/keys/rsa2048-pkcs8.pem");
const RSA_PUBLIC_PEM: &str = include_str!("../tests/fixtures/keys/rsa2048-pkcs8.pub.pem");
/// A throwaway HMAC secret of the length `secret generate` produces (43 chars).
const HMAC_SECRET: &str = "bench-only-secret-key-0123456789-abcdefghij";
/// A fixed "now" so every run signs and verifies the same claims.
const NOW: i64 = 1_700_000_000;
const TTL: u64 = 3600;

fn claims() -> Map<String, Value> {
    standard_claims(
        "admin",
        TokenType::Access,
        NOW,
        TTL,
        &ExtraClaims::default(),
    )
    .expect("standard claims for the fixture user")
}

fn hmac_key() -> SigningKey {
    SigningKey::Hmac(SecretString::from(HMAC_SECRET))
}

fn rsa_key() -> SigningKey {
    SigningKey::rsa_pem(RSA_PRIVATE_PEM, Some("bench".to_string()))
}

fn bench_mint(c: &mut Criterion) {
    let claims = claims();
    let hmac = hmac_key();
    let rsa = rsa_key();
    let mut group = c.benchmark_group("mint");
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("HS256", |b| {
        b.iter(|| mint(black_box(&hmac), Alg::HS256, black_box(&claims)))
    });
    // Includes parsing the PEM on every call, as one `token mint` process does.
    group.bench_function("RS256", |b| {
        b.iter(|| mint(black_box(&rsa), Alg::RS256, black_box(&claims)))
    });
    group.bench_function("standard_claims", |b| {
        b.iter(|| {
            standard_claims(
                black_box("admin"),
                TokenType::Access,
                NOW,
                TTL,
                &ExtraClaims::default(),
            )
        })
    });
    group.finish();
}

fn bench_decode(c: &mut Criterion) {
    let token = mint(&rsa_key(), Alg::RS256, &claims()).expect("mint RS256");
    let bearer = format!("Bearer {token}\n");
    let mut group = c.benchmark_group("decode_unverified");
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("RS256", |b| b.iter(|| decode_unverified(black_box(&token))));
    group.bench_function("bearer_prefix", |b| {
        b.iter(|| decode_unverified(black_box(&bearer)))
    });
    group.finish();
}

fn bench_verify(c: &mut Criterion) {
    let claims = claims();
    let hs_token = mint(&hmac_key(), Alg::HS256, &claims).expect("mint HS256");
    let rs_token = mint(&rsa_key(), Alg::RS256, &claims).expect("mint RS256");
    let hs_keys = [VerifyKey::hmac_secret(&SecretString::from(HMAC_SECRET))];
    let rs_keys = [
        VerifyKey::rsa_public_pem(RSA_PUBLIC_PEM, Some("bench".to_string()))
            .expect("fixture public key"),
    ];
    let hs_policy = VerifyPolicy::new(Alg::HS256);
    let rs_policy = VerifyPolicy::new(Alg::RS256);
    // Inside the token's lifetime, so the claims check passes.
    let at = NOW + 60;

    let mut group = c.benchmark_group("verify");
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("HS256", |b| {
        b.iter(|| verify(black_box(&hs_token), &hs_policy, &hs_keys, at).expect("HS256 verifies"))
    });
    // Includes parsing the public PEM on every call, as one `token verify` does.
    group.bench_function("RS256", |b| {
        b.iter(|| verify(black_box(&rs_token), &rs_policy, &rs_keys, at).expect("RS256 verifies"))
    });
    group.bench_function("rsa_public_pem", |b| {
        b.iter(|| VerifyKey::rsa_public_pem(black_box(RSA_PUBLIC_PEM), None))
    });
    group.finish();
}

fn bench_keygen(c: &mut Criterion) {
    let mut group = c.benchmark_group("keygen");
    // One 2048-bit key takes tens to hundreds of milliseconds and varies a lot
    // with where the primes fall; ten samples of one key each keep this short.
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("generate(2048)", |b| {
        b.iter(|| authctl::keys::generate(black_box(2048)).expect("RSA-2048 key"))
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_mint,
    bench_decode,
    bench_verify,
    bench_keygen
);
criterion_main!(benches);
