//! The secret key: generation, strength checks, and Fernet encryption derived from it as Langflow derives it.
