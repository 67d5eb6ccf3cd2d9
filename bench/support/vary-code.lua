-- Edge load: each request scans one of the codes in $CODES (comma-separated) from one of 5,000
-- viewers (CF-Connecting-IP, as Cloudflare sets it), so the load spreads over the relay's shards.
local codes = {}
for c in string.gmatch(os.getenv("CODES") or "", "[^,]+") do codes[#codes + 1] = c end
local n = 0
request = function()
  n = n + 1
  local v = n % 5000
  local ip = "10.0." .. math.floor(v / 250) .. "." .. (v % 250 + 1)
  local path = "/r/" .. codes[(n % #codes) + 1] .. "?s=qr"
  return wrk.format("GET", path, { ["CF-Connecting-IP"] = ip, ["User-Agent"] = "Mozilla/5.0 (iPhone) Mobile Safari/604.1" })
end
