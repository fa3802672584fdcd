-- Planning a year of weekly sessions (issue 12): the series form saved for a
-- group, one request after another. Set by load.sh: COOKIE, CSRF, ORIGIN,
-- GROUPS_FILE (one group id per line), FIRST and LAST (ISO dates).
local groups = {}
for line in io.lines(os.getenv("GROUPS_FILE")) do groups[#groups + 1] = line end
local cookie = os.getenv("COOKIE")
local body = "csrf=" .. os.getenv("CSRF") .. "&rhythm=weekly&first=" .. os.getenv("FIRST") ..
  "&last=" .. os.getenv("LAST") .. "&start=09%3A30&end=12%3A00&session_kind=psychosocial&theme=Benchmark+(synthetic)"
local headers = { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Origin"] = os.getenv("ORIGIN") }
math.randomseed(os.time())

request = function()
  return wrk.format("POST", "/groups/" .. groups[math.random(#groups)] .. "/series", headers, body)
end

response = function(status)
  if status ~= 303 then error("planning answered " .. status) end
end
