-- Search while typing: a name (any spelling) each time.
local cookie = os.getenv("COOKIE")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local names = { "am", "amina", "sar", "fatima", "voorb", "fictief", "el fictioui", "vandenproef",
  "khad", "mariam", "nadia", "exempl", "beisp", "yasmin", "noor", "testaert", "0470" }
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
request = function()
  local q = names[math.random(#names)]:gsub(" ", "+")
  return wrk.format("GET", "/participants?q=" .. q, { ["Cookie"] = cookie })
end
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
delay = dofile(here .. "pace.lua")(delay_ms)
response = function(status)
  if status ~= 200 then error("search answered " .. status) end
end
