-- wrk script: GET the path in TARGET_PATH (a tracking page or the static copy of it).
local path = os.getenv("TARGET_PATH")

function request()
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  io.write(string.format("requests_per_second=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests=%d non_2xx=%d socket_errors=%d\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
