-- wrk script: POST orders with a fresh Idempotency-Key each, over a spread of demo SKUs.
-- SKUS is filled in by intake.sh from the running catalogue.
-- thread_id is a global on purpose: setup() runs in the main Lua state and thread:set() sets a
-- global in each thread's own state (a chunk-level local would shadow it and every thread would
-- send the same Idempotency-Keys).
local counter = 0
local skus = {}
local next_thread_id = 0

function setup(thread)
  thread:set("thread_id", next_thread_id)
  next_thread_id = next_thread_id + 1
end

function init(args)
  for sku in string.gmatch(os.getenv("SKUS") or "", "[^,]+") do
    table.insert(skus, sku)
  end
  math.randomseed(os.time() + thread_id)
end

function request()
  counter = counter + 1
  local a = skus[math.random(#skus)]
  local b = skus[math.random(#skus)]
  local body = string.format(
    '{"channel":"WEB","currency":"GBP","paymentStatus":"PAID",' ..
    '"customer":{"email":"bench-%d-%d@example.org","name":"Bench Customer"},' ..
    '"shipTo":{"name":"Bench Customer","line1":"1 Bench Street","city":"London","postcode":"E1 6AN","country":"GB"},' ..
    '"lines":[{"sku":"%s","quantity":1},{"sku":"%s","quantity":2}]}',
    thread_id, counter % 5000, a, b)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. (os.getenv("API_KEY") or "ak_demo_aftercart"),
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), thread_id, counter),
  }
  return wrk.format("POST", "/api/v1/orders", headers, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("orders_per_second=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests=%d non_2xx=%d socket_errors=%d\n", summary.requests, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
