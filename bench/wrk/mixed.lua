-- A casemanager's and coordinator's day, mixed: open a file (40%), the list
-- (15%), the dashboard (15%), search by name (20%), write a journal line
-- (10%). Each connection pauses DELAY_MS on average between its requests
-- (pace.lua), so that 50 connections make a steady rate (about
-- 50 * 1000 / DELAY_MS requests a second).
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local cookie = os.getenv("COOKIE")
local csrf = os.getenv("CSRF")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local names = { "amina", "sara", "fatima", "voorbeeld", "fictief", "el fictioui", "vandenproef",
  "khadija", "mariam", "nadia", "exemple", "beispiel", "yasmin", "noor", "testaert" }
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
local headers = { ["Cookie"] = cookie }
local post_headers = { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Origin"] = os.getenv("ORIGIN") }

request = function()
  local roll = math.random(100)
  local id = ids[math.random(#ids)]
  if roll <= 40 then
    return wrk.format("GET", "/participants/" .. id, headers)
  elseif roll <= 55 then
    return wrk.format("GET", "/participants?page=" .. math.random(20), headers)
  elseif roll <= 70 then
    return wrk.format("GET", "/dashboard", headers)
  elseif roll <= 90 then
    local q = names[math.random(#names)]:gsub(" ", "+")
    return wrk.format("GET", "/participants?q=" .. q, headers)
  else
    local body = "csrf=" .. csrf .. "&written_on=" .. os.date("!%Y-%m-%d") ..
      "&mode=phone&duration_minutes=10&domains=housing&body=Benchmark+contact+(synthetic)"
    return wrk.format("POST", "/participants/" .. id .. "/journal", post_headers, body)
  end
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
delay = dofile(here .. "pace.lua")(delay_ms)

response = function(status)
  if status ~= 200 and status ~= 303 then error("answered " .. status) end
end
