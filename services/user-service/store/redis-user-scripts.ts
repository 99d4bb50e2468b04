/**
 * Lua scripts of the Redis user store. Each checks and writes in one step, which Redis runs atomically.
 */

/** KEYS: user hash, email key. ARGV: profile JSON, uid. Returns a CreateOutcome. */
export const CREATE_USER = `
if redis.call('HEXISTS', KEYS[1], 'profile') == 1 then return 'user-exists' end
if redis.call('SET', KEYS[2], ARGV[2], 'NX') == false then return 'email-taken' end
redis.call('HSET', KEYS[1], 'profile', ARGV[1])
return 'created'
`;

/**
 * KEYS: user hash. ARGV: field, value, then fields to delete. Sets the field only when the user exists.
 * Returns 1 when written, 0 when there is no such user.
 */
export const SET_IF_USER = `
if redis.call('HEXISTS', KEYS[1], 'profile') == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
for i = 3, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
return 1
`;

/** KEYS: user hash. ARGV: key field, last-used field, time. Returns a TouchOutcome. */
export const TOUCH_IF_KEY = `
if redis.call('HEXISTS', KEYS[1], 'profile') == 0 then return 'no-user' end
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 'no-key' end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
return 'recorded'
`;
