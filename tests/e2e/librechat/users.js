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

const { Keyv } = require('keyv');
const { EventEmitter } = require('events');
const { CacheKeys, ViolationTypes } = require('librechat-data-provider');

const { EJSON } = mongoose.mongo.BSON;

// packages/api/src/cache/keyvMongo.ts (its collection path, which LibreChat
// uses): Keyv's records as {key, value, expiresAt} in `logs`.
class KeyvMongo extends EventEmitter {
  constructor(db) {
    super();
    this.store = db.collection('logs');
    this.ttlSupport = false;
  }
  async get(key) {
    const document = await this.store.findOne({ key: { $eq: key } });
    return document ? document.value : undefined;
  }
  async set(key, value, ttl) {
    const expiresAt = typeof ttl === 'number' ? new Date(Date.now() + ttl) : null;
    await this.store.updateOne({ key: { $eq: key } }, { $set: { key, value, expiresAt } }, { upsert: true });
  }
  async delete(key) {
    return (await this.store.deleteOne({ key: { $eq: key } })).deletedCount > 0;
  }
  async clear() {}
}

// api/server/middleware/checkBan.js without Redis, as a verdict: whether
// the request of userId from ip is refused (writing the cache it writes).
async function checkBan(db, { userId, ip, banViolations, banDuration }) {
  if (String(banViolations).toLowerCase().trim() !== 'true') {
    return { banned: false };
  }
  const store = new KeyvMongo(db);
  const banCache = new Keyv({ store, namespace: ViolationTypes.BAN, ttl: 0 });
  const cachedBan = (ip && (await banCache.get(ip))) || (userId && (await banCache.get(userId)));
  if (cachedBan) {
    return { banned: true, cached: true };
  }
  const banLogs = new Keyv({ store, namespace: CacheKeys.BANS, ttl: banDuration });
  if (banLogs.opts.ttl <= 0) {
    return { banned: false };
  }
  const ipBan = ip ? await banLogs.get(ip) : undefined;
  const userBan = userId ? await banLogs.get(userId) : undefined;
  const isBanned = !!(ipBan || userBan);
  if (!isBanned) {
    return { banned: false };
  }
  const timeLeft = Number(isBanned.expiresAt) - Date.now();
  if (timeLeft <= 0 && ip) {
    await banLogs.delete(ip);
  }
  if (timeLeft <= 0 && userId) {
    await banLogs.delete(userId);
    return { banned: false };
  }
  if (ip) {
    await banCache.set(ip, isBanned, timeLeft);
  }
  if (userId) {
    await banCache.set(userId, isBanned, timeLeft);
  }
  return { banned: true, cached: false };
}

// api/cache/banViolation.js past its threshold (as config/ban-user.js and a
// request from ip reach it): the user's sessions end, and the user and the
// address are banned for duration, the records lasting BAN_DURATION.
async function banViolation(db, { userId, ip, duration, banDuration }) {
  const user_id = new mongoose.Types.ObjectId(userId);
  await db.collection('sessions').deleteMany({ user: user_id });
  const banLogs = new Keyv({ store: new KeyvMongo(db), namespace: CacheKeys.BANS, ttl: banDuration });
  const expiresAt = Date.now() + duration;
  const type = ViolationTypes.CONCURRENT;
  await banLogs.set(user_id, { type, violation_count: 20, duration, expiresAt });
  if (ip) {
    await banLogs.set(ip, { type, user_id, violation_count: 20, duration, expiresAt });
  }
  return true;
}

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
      case 'checkBan':
        return checkBan(db, op);
      case 'banViolation':
        return banViolation(db, op);
      // A Keyv record as Keyv reads it ({value, expires}).
      case 'keyv': {
        const document = await db.collection('logs').findOne({ key: op.key });
        return document ? JSON.parse(document.value) : null;
      }
      // packages/data-schemas findSession, as LibreChat's refreshController
      // calls it: the user's live session holding the token's hash.
      case 'findSession': {
        const session = await methods.findSession({ userId: op.userId, refreshToken: op.refreshToken });
        return session ? String(session._id) : null;
      }
      case 'countUsers':
        return methods.countUsers();
      case 'insert':
        return String((await db.collection(op.collection).insertOne(EJSON.deserialize(op.doc))).insertedId);
      case 'update':
        return (await db.collection(op.collection).updateOne(EJSON.deserialize(op.filter), EJSON.deserialize(op.update))).modifiedCount;
      case 'count':
        return db.collection(op.collection).countDocuments(EJSON.deserialize(op.filter));
      case 'all':
        return EJSON.serialize(await db.collection(op.collection).find({}).sort({ _id: 1 }).toArray());
      case 'delete':
        return (await db.collection(op.collection).deleteMany(EJSON.deserialize(op.filter))).deletedCount;
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
