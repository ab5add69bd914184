-- wrk script: every request a different filtered leaderboard view, so none is
-- served from the response cache: sort key and direction, a device (HW, a
-- space-separated list of slugs from the environment), a task, a year and a
-- value range combine per request, and min= varies by a negligible amount
-- (values are positive and far above it) to make every URL distinct, also
-- across runs. Usage: HW="nvidia-a100 nvidia-h100" wrk -s scripts/uncached-views.lua URL/leaderboards/METRIC
local sorts = {"value", "date", "paper", "hardware", "confidence", "baseline", "subject", "status", "qualifier", "condition"}
local orders = {"", "&order=asc", "&order=desc"}
local tasks = {"llm-inference", "llm-training", "dnn-training", "nerf", "mpi"}
local hw = {}
for s in string.gmatch(os.getenv("HW") or "nvidia-a100", "%S+") do hw[#hw + 1] = s end
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
local run = os.time() % 100000
function request()
  n = n + 1
  local k = (run * 1e7 + n) * 16 + tid
  local q = "?sort=" .. sorts[(n % #sorts) + 1] .. orders[(n % #orders) + 1]
  -- The shape steps once per round of sorts, so every sort meets every
  -- shape (n % 5 paired sort k with shape k % 5 only: the hardware sort was
  -- never measured without a device filter).
  local shape = math.floor(n / #sorts) % 5
  if shape == 0 then q = q .. "&hardware=" .. hw[(n % #hw) + 1] end
  if shape == 1 then q = q .. "&task=" .. tasks[(n % #tasks) + 1] end
  if shape == 2 then q = q .. "&year=" .. (2020 + n % 5) end
  if shape == 3 then q = q .. "&max=" .. (10 + n % 90) .. "&hardware=" .. hw[(n % #hw) + 1] end
  return wrk.format("GET", wrk.path .. q .. string.format("&min=%.0fe-18", k))
end
