#!/usr/bin/env python3
"""Write the invalid RSA private keys in tests/fixtures/keys/invalid-*.pem.

Each is a well-formed PKCS#1 `RSA PRIVATE KEY` whose numbers are wrong in
one way that the structure alone does not show. Run with a Python that has
`cryptography` (tests/python-requirements.txt); the primes come from it.
"""
import base64
import os
import random
import sys

from cryptography.hazmat.primitives.asymmetric import rsa

E = 65537
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "keys")


def der_int(n):
    body = n.to_bytes((n.bit_length() + 8) // 8 or 1, "big")
    return b"\x02" + der_len(len(body)) + body


def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def pkcs1(n, e, d, p, q, dp, dq, qinv):
    body = b"".join(der_int(x) for x in (0, n, e, d, p, q, dp, dq, qinv))
    der = b"\x30" + der_len(len(body)) + body
    b64 = base64.b64encode(der).decode()
    lines = [b64[i : i + 64] for i in range(0, len(b64), 64)]
    return "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END RSA PRIVATE KEY-----\n"


def is_probable_prime(n, rounds=40):
    if n < 2:
        return False
    for small in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29):
        if n % small == 0:
            return n == small
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    rng = random.Random(n)
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def key_from(p, q, d=None):
    n = p * q
    if d is None:
        lam = (p - 1) * (q - 1)
        d = pow(E, -1, lam)
    return pkcs1(n, E, d, p, q, d % (p - 1), d % (q - 1), pow(q, -1, p) if p != q else 1)


def primes_of(bits):
    k = rsa.generate_private_key(public_exponent=E, key_size=bits).private_numbers()
    return k.p, k.q


def main():
    p, q = primes_of(2048)
    write = lambda name, text: open(os.path.join(OUT, name), "w").write(text)

    # Wrong CRT value: exponent1 is off by two; n, e, d, p, q all agree.
    n, lam = p * q, (p - 1) * (q - 1)
    d = pow(E, -1, lam)
    write("invalid-crt.pem", pkcs1(n, E, d, p, q, d % (p - 1) + 2, d % (q - 1), pow(q, -1, p)))

    # p = q: n is a square.
    d_sq = pow(E, -1, (p - 1) * p)
    write("invalid-p-equals-q.pem", pkcs1(p * p, E, d_sq, p, p, d_sq % (p - 1), d_sq % (p - 1), 1))

    # A composite "prime": the product of two 512-bit primes, with d made
    # so that d*e = 1 mod (p'-1)(q-1), which is all the structure checks.
    while True:
        a, b = primes_of(1024)
        composite = a * b
        if composite.bit_length() == 1024:
            try:
                d_c = pow(E, -1, (composite - 1) * (q - 1))
                break
            except ValueError:
                continue
    write("invalid-composite-prime.pem", key_from(composite, q, d_c))

    # Primes a few hundred apart: Fermat's method factors n at once.
    r = p + 2
    while not (is_probable_prime(r) and (r - 1) % E != 0):
        r += 2
    write("invalid-close-primes.pem", key_from(r, p))
    return 0


if __name__ == "__main__":
    sys.exit(main())
