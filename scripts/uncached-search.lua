-- wrk script: every request a different free-text search, so none is served
-- from the response cache and each runs the leaderboard's queries. The word
-- comes from a list of common systems-paper words; min= varies by a
-- negligible amount (values are positive and far above it) only to make every
-- URL distinct, also across runs against the same server. Usage: wrk -s scripts/uncached-search.lua URL/leaderboards/METRIC
local words = {"gpu", "memory", "training", "inference", "attention", "sparse",
  "pipeline", "latency", "cache", "kernel", "quantization", "distributed",
  "transformer", "graph", "parallel", "compiler", "storage", "network",
  "vision", "language", "model", "speed", "cluster", "tpu", "a100"}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
local run = os.time() % 100000 -- seconds: distinct per run
function request()
  n = n + 1
  local w = words[(n % #words) + 1]
  local k = (run * 1e7 + n) * 16 + tid
  return wrk.format("GET", wrk.path .. "?q=" .. w .. string.format("&min=%.0fe-18", k))
end
