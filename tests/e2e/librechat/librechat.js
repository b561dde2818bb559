// LibreChat's own crypto and token code, run as a verifier of authctl.
//
// Usage: CREDS_KEY=… CREDS_IV=… node librechat.js < ops.json
//
// ops.json is an array of operations; the answer, on stdout, is an array
// of {ok, value} or {ok: false, error} in the same order. The functions
// are @librechat/data-schemas' (which reads CREDS_KEY and CREDS_IV once,
// when loaded) and jsonwebtoken's, as LibreChat calls them; `math` is
// LibreChat v0.8.5's packages/api/src/utils/math.ts with the mathjs it
// pins (15.2.0).
const lc = require("@librechat/data-schemas");
const jwt = require("jsonwebtoken");
const { evaluate } = require("mathjs");

// packages/api/src/utils/math.ts (v0.8.5), as compiled JavaScript.
function math(str, fallbackValue) {
  const fallback = fallbackValue != null;
  if (typeof str !== "string" && typeof str === "number") {
    return str;
  } else if (typeof str !== "string") {
    if (fallback) return fallbackValue;
    throw new Error(`str is ${typeof str}, but should be a string`);
  }
  const validStr = /^[+\-\d.\s*/%()]+$/.test(str);
  if (!validStr) {
    if (fallback) return fallbackValue;
    throw new Error("Invalid characters in string");
  }
  try {
    const value = evaluate(str);
    if (typeof value !== "number") {
      if (fallback) return fallbackValue;
      throw new Error(`[math] str did not evaluate to a number but to a ${typeof value}`);
    }
    return value;
  } catch (error) {
    if (fallback) return fallbackValue;
    throw new Error(`[math] Error while evaluating mathematical expression: ${error.message}`);
  }
}

const ops = {
  encrypt: ({ version, value }) =>
    ({ v1: lc.encrypt, v2: lc.encryptV2, v3: lc.encryptV3 })[version](value),
  decrypt: ({ version, value }) =>
    ({ v1: lc.decrypt, v2: lc.decryptV2, v3: lc.decryptV3 })[version](value),
  // What generateToken and generateRefreshToken sign.
  sign: ({ payload, secret, seconds }) =>
    lc.signPayload({ payload, secret, expirationTime: seconds }),
  // What passport-jwt (jwtStrategy) and refreshController check.
  verify: ({ token, secret }) => jwt.verify(token, secret),
  hash: ({ value }) => lc.hashToken(value),
  math: ({ text, fallback }) => {
    const v = math(text, fallback);
    // JSON has no NaN or Infinity.
    return Number.isFinite(v) ? v : String(v);
  },
  defaults: () => ({
    session: lc.DEFAULT_SESSION_EXPIRY,
    refresh: lc.DEFAULT_REFRESH_TOKEN_EXPIRY,
  }),
};

(async () => {
  const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const out = [];
  for (const op of input) {
    try {
      out.push({ ok: true, value: await ops[op.op](op) });
    } catch (e) {
      out.push({ ok: false, error: String((e && e.message) || e) });
    }
  }
  process.stdout.write(JSON.stringify(out));
})();
