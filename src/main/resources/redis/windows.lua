-- Shared prelude of the counter scripts: slides a municipality's rolling windows to "now".
-- Keys of one municipality share the prefix KEYS[1] = "<prefix>{<municipality>}:" (one cluster slot).
-- Windows: w:1h = minute buckets m:<b> with b > now-60; w:24h and w:7d = hour buckets h:<H> with
-- H > nowHour-24 / -168. "clock" holds the minute the windows were last slid to, so sliding is
-- idempotent and any replica may do it.
local function bucket_into(p, window, key, sign)
  local fields = redis.call('HGETALL', key)
  for i = 1, #fields, 2 do
    local left = redis.call('HINCRBY', p .. window, fields[i], sign * tonumber(fields[i + 1]))
    if left <= 0 then
      redis.call('HDEL', p .. window, fields[i])
    end
  end
end

local function slide(p, window, bucket_prefix, last, now, span, ahead)
  local first_leaving = last - span + 1
  local last_leaving = now - span
  if last_leaving - first_leaving + 1 >= span then
    -- The whole window the clock saw has left: recount it from the buckets still inside.
    redis.call('DEL', p .. window)
    for b = now - span + 1, now + ahead do
      bucket_into(p, window, p .. bucket_prefix .. b, 1)
    end
    return
  end
  for b = first_leaving, last_leaving do
    bucket_into(p, window, p .. bucket_prefix .. b, -1)
  end
end

local function sweep(p, now_minute)
  local last_minute = tonumber(redis.call('HGET', p .. 'clock', 'm'))
  if last_minute == nil then
    redis.call('HSET', p .. 'clock', 'm', now_minute)
    return
  end
  if now_minute <= last_minute then
    return
  end
  slide(p, 'w:1h', 'm:', last_minute, now_minute, 60, 10)
  local last_hour = math.floor(last_minute / 60)
  local now_hour = math.floor(now_minute / 60)
  if now_hour > last_hour then
    slide(p, 'w:24h', 'h:', last_hour, now_hour, 24, 1)
    slide(p, 'w:7d', 'h:', last_hour, now_hour, 168, 1)
  end
  redis.call('HSET', p .. 'clock', 'm', now_minute)
end
