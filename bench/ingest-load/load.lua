-- wrk script of the ingest load benchmark: replays the envelopes of $BENCH_BODIES (records
-- "<encoding> <length>\n<bytes>" from gen-bodies.py) to $BENCH_PATH with $BENCH_AUTH as
-- X-Sentry-Auth. Thread t of $BENCH_THREADS sends records t, t+T, t+2T, … so no envelope is
-- sent twice until the file is exhausted; each thread stops after $BENCH_REQUESTS_PER_THREAD
-- responses (bounded in count; wrk's -d bounds the time).
-- wrk's own duration is its -d even when every thread stopped early, so each thread keeps
-- its first-send and last-response times (CLOCK_MONOTONIC through LuaJIT's FFI) and the rate
-- is computed over the span from the earliest send to the latest response.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *ts);
]]
local ts = ffi.new("bench_timespec")
local function now()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

local next_id = 0
local all_threads = {}

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(all_threads, thread)
end

function init(args)
  threads = tonumber(os.getenv("BENCH_THREADS"))
  limit = tonumber(os.getenv("BENCH_REQUESTS_PER_THREAD") or "0")
  path = os.getenv("BENCH_PATH")
  auth = os.getenv("BENCH_AUTH")
  bodies, encodings, n, k = {}, {}, 0, 0
  local f = assert(io.open(os.getenv("BENCH_BODIES"), "rb"))
  while true do
    local line = f:read("*l")
    if not line then break end
    local enc, len = line:match("(%S+) (%d+)")
    local data = f:read(tonumber(len))
    if k % threads == tid then
      n = n + 1
      bodies[n] = data
      encodings[n] = enc
    end
    k = k + 1
  end
  f:close()
  sent, received, failed = 0, 0, 0
end

function request()
  if first == nil then first = now() end
  local i = (sent % n) + 1
  sent = sent + 1
  local headers = { ["Content-Type"] = "application/x-sentry-envelope", ["X-Sentry-Auth"] = auth }
  if encodings[i] == "gzip" then headers["Content-Encoding"] = "gzip" end
  return wrk.format("POST", path, headers, bodies[i])
end

function response(status, headers, body)
  received = received + 1
  last = now()
  if limit > 0 and received >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local started, ended = math.huge, 0
  for _, t in ipairs(all_threads) do
    local f, l = t:get("first"), t:get("last")
    if f and f < started then started = f end
    if l and l > ended then ended = l end
  end
  local seconds = ended - started
  local ok = summary.requests - summary.errors.status - summary.errors.connect - summary.errors.read
    - summary.errors.write - summary.errors.timeout
  io.write(string.format("RESULT requests=%d ok=%d non2xx=%d seconds=%.2f accepted_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, ok, summary.errors.status, seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
