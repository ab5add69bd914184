-- wrk script: every request a /search the response cache has not seen: words
-- and pairs of words from a list of systems-paper words, with a tracking tag
-- (ignored by the site, but part of the cache's key) to make every URL
-- distinct, also across runs. Usage: wrk -s scripts/uncached-search-page.lua URL/search
local words = {"gpu", "memory", "training", "inference", "attention", "sparse",
  "pipeline", "latency", "cache", "kernel", "quantization", "distributed",
  "transformer", "graph", "parallel", "compiler", "storage", "network",
  "vision", "language", "model", "speed", "cluster", "tpu", "a100", "rendering",
  "serving", "edge", "exascale", "commodity"}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
local run = os.time() % 100000
function request()
  n = n + 1
  local q = words[(n % #words) + 1]
  if n % 3 == 0 then q = q .. "+" .. words[((n * 7) % #words) + 1] end
  local k = (run * 1e7 + n) * 16 + tid
  return wrk.format("GET", wrk.path .. "?q=" .. q .. string.format("&utm_source=%.0f", k))
end
