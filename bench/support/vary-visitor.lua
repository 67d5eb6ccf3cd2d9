-- Each request comes from one of 5,000 viewers (X-Forwarded-For from loopback), as in a real burst.
local n = 0
request = function()
  n = n + 1
  local v = n % 5000
  local ip = "10.0." .. math.floor(v / 250) .. "." .. (v % 250 + 1)
  return wrk.format("GET", nil, { ["X-Forwarded-For"] = ip, ["User-Agent"] = "Mozilla/5.0 (iPhone) Mobile Safari/604.1" })
end
