-- Counts messages of one municipality exactly once. ARGV[1] = now (epoch minute); then triples
-- (message id, category id, epoch minute of createdAt). A message id already in the seen-set of its
-- hour is skipped, so a retried batch never counts twice. Returns how many were counted.
local p = KEYS[1]
local now_minute = tonumber(ARGV[1])
local now_hour = math.floor(now_minute / 60)
sweep(p, now_minute)
local counted = 0
for i = 2, #ARGV, 3 do
  local id = ARGV[i]
  local category = ARGV[i + 1]
  local minute = tonumber(ARGV[i + 2])
  local hour = math.floor(minute / 60)
  local seen = p .. 'seen:' .. hour
  if redis.call('SADD', seen, id) == 1 then
    redis.call('EXPIRE', seen, 691200)
    counted = counted + 1
    redis.call('HINCRBY', p .. 'total', category, 1)
    if minute > now_minute - 120 then
      local key = p .. 'm:' .. minute
      redis.call('HINCRBY', key, category, 1)
      redis.call('EXPIREAT', key, (minute + 121) * 60)
    end
    if hour > now_hour - 192 then
      local key = p .. 'h:' .. hour
      redis.call('HINCRBY', key, category, 1)
      redis.call('EXPIREAT', key, (hour + 193) * 3600)
    end
    if minute > now_minute - 60 then redis.call('HINCRBY', p .. 'w:1h', category, 1) end
    if hour > now_hour - 24 then redis.call('HINCRBY', p .. 'w:24h', category, 1) end
    if hour > now_hour - 168 then redis.call('HINCRBY', p .. 'w:7d', category, 1) end
  end
end
return counted
