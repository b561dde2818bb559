"""Print the seed tokens for the token_* fuzz targets, one "name token" per line.

Run from the repository root with the test venv:
    target/pyenv/bin/python fuzz/make_seed_tokens.py
The valid-* tokens must match VALID_TOKENS in fuzz/common.rs (PKCS#1 v1.5 and
HMAC signatures are deterministic, so a rerun prints the same tokens).
"""
import jwt, sys
a = open("tests/fixtures/keys/rsa2048-pkcs8.pem").read()
b = open("tests/fixtures/keys/rsa2048-pkcs1.pem").read()
S = "fuzz-only-hmac-secret-0123456789abcdef"
NOW = 1700000000; EXP = 2000000000
base = {"sub": "alice", "type": "access", "exp": EXP, "iat": NOW}
valid = {
 "valid-hs256": jwt.encode(base, S, algorithm="HS256"),
 "valid-rs256-kid-a": jwt.encode(base, a, algorithm="RS256", headers={"kid": "a"}),
 "valid-rs256-retired-b": jwt.encode(dict(base, sub="bob"), b, algorithm="RS256"),
 "valid-rs512-strict": jwt.encode(dict(base, iss="authctl-fuzz", aud=["other", "fuzz-app"], nbf=NOW - 30), a, algorithm="RS512", headers={"kid": "a"}),
}
invalid = {
 "hs256-no-exp": jwt.encode({"sub": "alice"}, S, algorithm="HS256"),
 "hs256-expired": jwt.encode(dict(base, exp=NOW - 10), S, algorithm="HS256"),
 "hs256-not-yet": jwt.encode(dict(base, nbf=NOW + 3600), S, algorithm="HS256"),
 "hs256-wrong-secret": jwt.encode(base, "another-secret-0123456789abcdef0123", algorithm="HS256"),
 "rs256-unknown-kid": jwt.encode(base, a, algorithm="RS256", headers={"kid": "zzz"}),
 "rs512-wrong-iss": jwt.encode(dict(base, iss="evil", aud="fuzz-app"), a, algorithm="RS512", headers={"kid": "a"}),
 "none-alg": jwt.encode(base, None, algorithm="none"),
 "crit-header": jwt.encode(base, S, algorithm="HS256", headers={"crit": ["exp"]}),
}
for k, v in {**valid, **invalid}.items():
    print(k, v)
