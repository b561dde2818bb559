"""Open WebUI's own ciphers, run from its installed package: the checks of
what authctl encrypts under (and re-encrypts to) the secret key.

usage: WEBUI_SECRET_KEY=... python ciphers.py < JOBS

JOBS is a JSON list of [op, kind, text]: op is encrypt or decrypt; kind is
oauth_session (models/oauth_sessions.py), client_info (utils/oauth.py
encrypt_data/decrypt_data), valves (utils/valves.py), mfa (utils/mfa.py
cipher) or app (utils/apps.py); text is the plaintext (JSON for
oauth_session, client_info and valves) or the stored value. Prints the
JSON list of results; a decryption that fails gives null.
"""
import json
import os
import sys

os.environ.setdefault("ENABLE_VALVE_ENCRYPTION", "true")
# As `open-webui serve` runs it: its paths inside the installed package.
os.environ.setdefault("FROM_INIT_PY", "true")

from open_webui.models.oauth_sessions import OAuthSessions
from open_webui.utils.apps import get_app_encryption_cipher
from open_webui.utils.mfa import cipher as mfa_cipher
from open_webui.utils.oauth import decrypt_data, encrypt_data
from open_webui.utils.valves import decrypt_valves, encrypt_valves


def encrypt(kind, text):
    if kind == "oauth_session":
        return OAuthSessions._encrypt_token(json.loads(text))
    if kind == "client_info":
        return encrypt_data(json.loads(text))
    if kind == "valves":
        return encrypt_valves(json.loads(text))
    if kind == "mfa":
        return mfa_cipher().encrypt(text.encode()).decode()
    if kind == "app":
        return get_app_encryption_cipher().encrypt(text.encode()).decode()
    raise SystemExit(f"unknown kind {kind}")


def decrypt(kind, text):
    try:
        if kind == "oauth_session":
            return json.dumps(OAuthSessions._decrypt_token(text), sort_keys=True)
        if kind == "client_info":
            return json.dumps(decrypt_data(text), sort_keys=True)
        if kind == "valves":
            valves = decrypt_valves(text)
            return json.dumps(valves, sort_keys=True) if valves else None
        if kind == "mfa":
            return mfa_cipher().decrypt(text.encode()).decode()
        if kind == "app":
            return get_app_encryption_cipher().decrypt(text.encode()).decode()
    except Exception:
        return None
    raise SystemExit(f"unknown kind {kind}")


jobs = json.load(sys.stdin)
print(json.dumps([encrypt(k, t) if op == "encrypt" else decrypt(k, t) for op, k, t in jobs]))
