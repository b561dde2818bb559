//! JWTs: minting, decoding without verification, and verification against local keys.
