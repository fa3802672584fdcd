-- Planning a year of weekly sessions (issue 12): the series form saved for a
-- group, one request after another. Set by load.sh: COOKIE, CSRF, ORIGIN,
-- GROUPS_FILE (one group id per line). Each request plans a school year
-- picked at random between 2030 and 2129, so that repeated runs on a reused
-- database do not pile hundreds of series onto the same year (no real
-- organisation does); conflicts (checked on every save, as a planner sees
-- them) are kept, like a planner who confirms them.
local groups = {}
for line in io.lines(os.getenv("GROUPS_FILE")) do groups[#groups + 1] = line end
local cookie = os.getenv("COOKIE")
local csrf = os.getenv("CSRF")
local headers = { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Origin"] = os.getenv("ORIGIN") }
math.randomseed(os.time())

request = function()
  local year = 2030 + math.random(0, 99)
  -- The first Monday from 6 September (wday 2 is Monday).
  local day = 6
  while os.date("*t", os.time({ year = year, month = 9, day = day, hour = 12 })).wday ~= 2 do
    day = day + 1
  end
  local body = "csrf=" .. csrf .. "&rhythm=weekly&first=" .. string.format("%d-09-%02d", year, day) ..
    "&last=" .. (year + 1) ..
    "-06-26&start=09%3A30&end=12%3A00&session_kind=psychosocial&theme=Benchmark+(synthetic)&keep=yes"
  return wrk.format("POST", "/groups/" .. groups[math.random(#groups)] .. "/series", headers, body)
end

response = function(status)
  if status ~= 303 then error("planning answered " .. status) end
end
