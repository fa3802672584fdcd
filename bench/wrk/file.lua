-- Audited participant-file reads: a random file of the organisation each time.
-- Set by load.sh: COOKIE (session), IDS_FILE (one participant id per line).
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local cookie = os.getenv("COOKIE")
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)

request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/participants/" .. id, { ["Cookie"] = cookie })
end

response = function(status)
  if status ~= 200 then error("file read answered " .. status) end
end
