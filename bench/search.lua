-- Cycles through realistic searches (API and page), and prints percentiles and throughput at the end.
-- Each wrk thread runs its own copy, starting at a different place in the list.
local paths = {
  "/api/v1/search?q=death%20penalty",
  "/api/v1/search?q=tu%20do%20ton%20giao",
  "/api/v1/search?q=doi%20thoai",
  "/api/v1/search?q=Le%20Thi%20Thu%20Hang",
  "/api/v1/search?q=quy*",
  "/api/v1/search?q=%22freedom%20of%20expression%22&party=eu",
  "/api/v1/search?q=human%20rights&type=statement&from=2020",
  "/api/v1/search?q=an%20tu%20hinh&page=2",
  "/api/v1/search?q=labour&topic=labour-rights&pageSize=10",
  "/api/v1/search?q=bien%20dong",
  "/search?q=tu+do+ton+giao",
  "/search?q=death+penalty&type=statement&party=viet-nam",
}
local i = 0

setup = function(thread)
  thread:set("offset", math.random(#paths))
end

init = function(args)
  i = offset or 0
end

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.1f s, %.0f requests/s\n", summary.requests, seconds, summary.requests / seconds))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max: %.2f ms\n", latency.max / 1000))
  local e = summary.errors
  io.write(string.format("errors: status %d, connect %d, read %d, write %d, timeout %d\n", e.status, e.connect, e.read, e.write, e.timeout))
end
