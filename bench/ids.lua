-- Walks record ids 1..MAX in a fixed shuffled order, so a page benchmark visits many records (the first visit of
-- each is a cache miss). The path template comes in the PATH_TEMPLATE environment variable, with {id} for the id.
local template = os.getenv("PATH_TEMPLATE") or "/rounds/{id}"
local max = tonumber(os.getenv("MAX_ID") or "1000")
local counter = 0

function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
end

function init(args)
  n = offset or 0
end

function request()
  n = n + 1
  -- A multiplicative walk over 1..max: every id, in an order unlike the database's.
  local id = (n * 7919) % max + 1
  return wrk.format("GET", (template:gsub("{id}", tostring(id))))
end
