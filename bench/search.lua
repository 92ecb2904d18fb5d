-- Drives realistic first-time searches: ~60 queries (topic names in English and in Vietnamese with and without
-- diacritics, speakers, places, phrases, prefixes, everyday words) times 13 filter/paging variants, about 800 distinct
-- URLs (an eighth of them the /search page), shuffled with a fixed seed. Each wrk thread walks the list from its own
-- starting point. Prints percentiles and throughput at the end.
local queries = {
  -- Topic names, English
  "human rights", "civil and political rights", "freedom of expression", "freedom of religion or belief",
  "death penalty", "human rights defenders", "arrest detention and trial", "labour rights", "child labour",
  "gender equality", "universal periodic review", "rule of law", "sustainable development", "climate change",
  "environmental pollution", "IUU fishing", "maritime security", "cybersecurity", "human trafficking", "covid-19",
  -- Topic names, Vietnamese, with and without diacritics (đ included)
  "nhân quyền", "nhan quyen", "tự do biểu đạt", "tu do bieu dat", "tự do tôn giáo", "tu do ton giao", "án tử hình",
  "an tu hinh", "quyền lao động", "quyen lao dong", "bình đẳng giới", "binh dang gioi", "biến đổi khí hậu",
  "bien doi khi hau", "an ninh hàng hải", "an ninh mang", "buôn bán người", "dân chủ và pháp quyền", "dan chu",
  -- Speakers, places, everyday words of the dialogue
  "Lê Thị Thu Hằng", "le thi thu hang", "Pham Thu Hang", "Đoàn Khắc Việt", "Giorgio Aliberti", "Julien Guerrier",
  "Hà Nội", "Brussels", "Da Nang", "đối thoại", "doi thoai", "dialogue", "civil society", "constructive atmosphere",
  "technical cooperation", "spokesperson",
  -- Phrases and prefixes
  "\"freedom of expression\"", "\"rule of law\"", "\"death penalty\" EU", "quy*", "lao*", "secur*", "tu do*",
  "human rights viet nam", "EU-Việt Nam",
}
local filters = {
  "", "type=statement", "type=round", "type=source", "party=eu", "party=viet-nam", "from=2020",
  "from=2010&to=2015", "mechanism=human-rights-dialogue", "topic=human-rights", "topic=sustainable-development",
  "page=2", "pageSize=10&page=3",
}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for qi, q in ipairs(queries) do
  for fi, f in ipairs(filters) do
    local base = ((qi + fi) % 8 == 0) and "/search?q=" or "/api/v1/search?q="
    paths[#paths + 1] = base .. encode(q) .. (f ~= "" and ("&" .. f) or "")
  end
end

-- A fixed shuffle (a small LCG), so every run asks the same searches in the same order.
local seed = 12345
local function nextRandom(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return (seed % n) + 1
end
for i = #paths, 2, -1 do
  local j = nextRandom(i)
  paths[i], paths[j] = paths[j], paths[i]
end

local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("offset", (counter - 1) * math.floor(#paths / 2))
end

local i = 0
init = function(args)
  i = offset or 0
end

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("distinct URLs: %d\n", #paths))
  io.write(string.format("requests: %d in %.1f s, %.0f requests/s\n", summary.requests, seconds, summary.requests / seconds))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max: %.2f ms\n", latency.max / 1000))
  local e = summary.errors
  io.write(string.format("errors: status %d, connect %d, read %d, write %d, timeout %d\n", e.status, e.connect, e.read, e.write, e.timeout))
end
