-- Group work under load (issue 12). MODE=save: the attendance of a whole
-- group saved at once (PUT /api/v1/sessions/{id}/attendance, every member
-- marked, fresh idempotency keys); MODE=screen: the attendance screen.
-- Set by load.sh: COOKIE, CSRF, SESSIONS_FILE (one "session member,member,..."
-- line per session). DELAY_MS spaces each connection's requests (on
-- average, see pace.lua).
local sessions = {}
for line in io.lines(os.getenv("SESSIONS_FILE")) do
  local id, members = line:match("^(%S+)%s+(%S+)$")
  if id then
    local list = {}
    for m in members:gmatch("[^,]+") do list[#list + 1] = m end
    sessions[#sessions + 1] = { id = id, members = list }
  end
end
local cookie = os.getenv("COOKIE")
local csrf = os.getenv("CSRF")
local mode = os.getenv("MODE") or "save"
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local marks = { "present", "present", "present", "present", "late", "absent" }
local counter = 0
local thread_tag = tostring({}):match("0x(%x+)")
math.randomseed(os.time() + tonumber(thread_tag, 16) % 100000)

request = function()
  local s = sessions[math.random(#sessions)]
  if mode == "screen" then
    return wrk.format("GET", "/sessions/" .. s.id .. "/attendance", { ["Cookie"] = cookie })
  end
  local parts = {}
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  for _, m in ipairs(s.members) do
    counter = counter + 1
    parts[#parts + 1] = string.format(
      '{"participant_id":"%s","mark":"%s","marked_at":"%s","key":"bench-%s-%d-%d"}',
      m, marks[math.random(#marks)], now, thread_tag, os.time(), counter)
  end
  local body = '{"marks":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("PUT", "/api/v1/sessions/" .. s.id .. "/attendance", {
    ["Cookie"] = cookie, ["Content-Type"] = "application/json", ["X-CSRF-Token"] = csrf,
    ["Origin"] = os.getenv("ORIGIN") }, body)
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
delay = dofile(here .. "pace.lua")(delay_ms)

response = function(status)
  if status ~= 200 then error("attendance answered " .. status) end
end
