-- wrk script: POST /api/continue with the bodies of $BODIES (one JSON request a line), in turn,
-- so that every request continues a different playlist.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local next = math.random(#bodies)
local headers = { ["Content-Type"] = "application/json" }

request = function()
  next = next % #bodies + 1
  return wrk.format("POST", "/api/continue", headers, bodies[next])
end
