//! RSA signing keys: generation, PEM import and export, RFC 7638 thumbprints, JWKS, and the key directory.
