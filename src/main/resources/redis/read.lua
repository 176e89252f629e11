-- Slides one municipality's windows to now (ARGV[1], epoch minute) and returns them as three flat
-- field/value arrays: 1 h, 24 h, 7 d.
local p = KEYS[1]
sweep(p, tonumber(ARGV[1]))
return { redis.call('HGETALL', p .. 'w:1h'), redis.call('HGETALL', p .. 'w:24h'), redis.call('HGETALL', p .. 'w:7d') }
