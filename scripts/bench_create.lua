-- wrk script for scripts/bench_tickets.sh: every request POSTs a new ticket.
-- CREATE_FIELDS holds the form as name=value pairs joined by "&" (not URL-encoded);
-- "{n}" becomes a running number. CREATE_FORMAT is "multipart" (default: the ticket
-- form carries attachments) or "urlencoded".
local fields = os.getenv("CREATE_FIELDS") or "title=Drucker im 2. OG druckt nicht ({n})&body=Seit heute Morgen kommt nichts mehr aus dem Drucker.&priority=2"
local format = os.getenv("CREATE_FORMAT") or "multipart"
local boundary = "----pforte-bench-7d4a1c"
local n = 0

local function urlencode(s)
  return (string.gsub(s, "[^%w%-%._~ ]", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

local function body(i)
  local parts = {}
  for pair in string.gmatch(fields, "[^&]+") do
    local k, v = string.match(pair, "^([^=]*)=(.*)$")
    v = string.gsub(v, "{n}", tostring(i))
    if format == "multipart" then
      parts[#parts + 1] = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. k .. "\"\r\n\r\n" .. v .. "\r\n"
    else
      parts[#parts + 1] = urlencode(k) .. "=" .. urlencode(v)
    end
  end
  if format == "multipart" then
    return table.concat(parts) .. "--" .. boundary .. "--\r\n", "multipart/form-data; boundary=" .. boundary
  end
  return table.concat(parts, "&"), "application/x-www-form-urlencoded"
end

request = function()
  n = n + 1
  local b, ct = body(n)
  -- wrk.format takes either its own headers or ours: copy the -H ones (cookie, origin).
  local h = { ["Content-Type"] = ct }
  for k, v in pairs(wrk.headers) do
    if k ~= "Content-Type" then h[k] = v end
  end
  return wrk.format("POST", nil, h, b)
end
