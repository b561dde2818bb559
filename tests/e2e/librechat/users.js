// LibreChat's own user code over a MongoDB, as the verifier of what authctl
// writes there: @librechat/data-schemas 0.0.71's models and methods (the
// user found as LibreChat finds it) and bcryptjs 2.4.3 (the password
// compared as LibreChat compares it). Reads {uri, ops} as JSON on stdin and
// prints one {ok, value} or {ok: false, error} per op. Documents and filters
// are extended JSON ({"$oid": …}, {"$date": …}). The results go to the
// file RESULT_FILE names (LibreChat's logger writes to stdout).
const mongoose = require('mongoose');
const bcrypt = require('bcryptjs');
const { createModels, createMethods, hashToken } = require('@librechat/data-schemas');

const { EJSON } = mongoose.mongo.BSON;

async function main() {
  const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  await mongoose.connect(input.uri, { serverSelectionTimeoutMS: 10000 });
  createModels(mongoose);
  const methods = createMethods(mongoose);
  const db = mongoose.connection.db;
  const run = async (op) => {
    switch (op.op) {
      // api/strategies/localStrategy.js: the user by email, bcrypt.compare,
      // then an unverified user is refused.
      case 'login': {
        const user = await methods.findUser({ email: op.email.trim().toLowerCase() }, '+password');
        if (!user) {
          return { found: false };
        }
        return {
          found: true,
          id: String(user._id),
          password_ok: await bcrypt.compare(op.password, user.password),
          verified: user.emailVerified === true,
          role: user.role,
          expires_at: user.expiresAt ?? null,
          provider: user.provider,
        };
      }
      // packages/api/src/auth/invite.ts getInvite: the token hashed as
      // hashToken does, found with the email, not yet expired.
      case 'invite': {
        const invite = await methods.findToken({ token: await hashToken(op.token), email: op.email.trim().toLowerCase() });
        return { found: !!invite, expires_in_s: invite ? Math.round((new Date(invite.expiresAt) - Date.now()) / 1000) : null };
      }
      case 'countUsers':
        return methods.countUsers();
      case 'insert':
        return String((await db.collection(op.collection).insertOne(EJSON.deserialize(op.doc))).insertedId);
      case 'update':
        return (await db.collection(op.collection).updateOne(EJSON.deserialize(op.filter), EJSON.deserialize(op.update))).modifiedCount;
      case 'count':
        return db.collection(op.collection).countDocuments(EJSON.deserialize(op.filter));
      case 'find':
        return EJSON.serialize(await db.collection(op.collection).findOne(EJSON.deserialize(op.filter)));
      default:
        throw new Error(`no op ${op.op}`);
    }
  };
  const out = [];
  for (const op of input.ops) {
    try {
      out.push({ ok: true, value: await run(op) });
    } catch (e) {
      out.push({ ok: false, error: String((e && e.message) || e) });
    }
  }
  await mongoose.disconnect();
  require('fs').writeFileSync(process.env.RESULT_FILE, JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
