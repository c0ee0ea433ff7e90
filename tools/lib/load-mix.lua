-- The request mix of tools/load-gateway, for wrk: wrk -s load-mix.lua URL -- DATA.lua THREADS [WEIGHTS].
-- DATA.lua (written by tools/load-gateway) returns the logged-in ASN { nip, token, session }, the program
-- codes, the campaigns every one of those ASN may answer once, and the body of one valid answer.
--
-- Each request is drawn by weight (WEIGHTS below, out of 100; "kind=weight,..." as WEIGHTS replaces them):
--   catalogue  14  GET /api/v1/programs?pageSize=20                     the catalogue's first page
--   program    14  GET /api/v1/programs/{code}                          one program, any of them
--   ledger     14  GET /api/v1/ledgers/{nip}                            the person's own JP ledger
--   enrolments 14  GET /api/v1/enrolments?nip={nip}                     the person's own enrolments
--   pending    14  GET /api/v1/me/pending-forms                         the person's forms to fill in
--   enrol      15  POST /api/v1/sessions/{id}:requestEnrolment, then    the person asks for a seat in an
--                  POST /api/v1/sessions/{id}/enrolments/{nip}:cancel   open session, withdraws, asks...
--   answer     15  POST /api/v1/campaigns/{id}:submit                   the person answers a reaction form
-- each as a random one of the ASN, with their own bearer token. Every request should answer 2xx:
--   * enrol: the load tool left each person with a pending request in one session; a person's next
--     write (cancel after a request, request after a cancel) is sent only once the answer to the
--     previous one has come back (the answer, an Enrolment, names the person, the session and the new
--     state). If every person of a thread has a write in flight, the draw becomes a read ("enrol
--     deferred"). A request never meets ALREADY_EXISTS nor a cancel NOT_FOUND.
--   * answer: each (person, campaign) pair is used once, so no answer is a second one (ALREADY_EXISTS);
--     once a thread has used all of its pairs the draw becomes a read ("answers used up").
-- The people are split between wrk's threads, so all of a person's writes come from one thread.
--
-- wrk does not say which request an answer belongs to, so answers are sorted by kind from their body
-- (each kind's JSON is recognisable). Error answers are counted by status only, with the first of each
-- message kept. Latency percentiles over every request are wrk's own; per kind they are matched from the
-- body: exactly for enrolment writes (one in flight per person and session), by person for the ledger
-- and enrolments, by code for a program, and first-in first-out within the kind for the catalogue,
-- pending forms and answers (an approximation that keeps the mean and flattens the tail a little).
-- wrk hands done() flat tables only (a nested one crashes it), hence the lat_* arrays.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bk_timespec;
  int clock_gettime(int clock, bk_timespec *ts);
]]
local clock = ffi.new("bk_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

WEIGHTS = {
  { "catalogue", 14 }, { "program", 14 }, { "ledger", 14 }, { "enrolments", 14 }, { "pending", 14 },
  { "enrol", 15 }, { "answer", 15 },
}
local READS = { "catalogue", "program", "ledger", "enrolments", "pending" }
-- Kinds as counted and reported (enrol splits in two), and the name of each one's latency array.
local KINDS = { "catalogue", "program", "ledger", "enrolments", "pending", "enrol request", "enrol cancel", "answer" }
local function latency_name(kind) return "lat_" .. kind:gsub(" ", "_") end

local function parse_weights(text)
  local weights = {}
  for kind, weight in text:gmatch("(%a+)=(%d+)") do table.insert(weights, { kind, tonumber(weight) }) end
  return weights
end

-- setup: the main environment, once per thread ----------------------------------------------------------
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- running: one environment per thread -------------------------------------------------------------------
local people, programs, campaigns, answer_body
local idle, idle_head, idle_tail, in_flight = {}, 1, 0, {}
local pair_next, pair_count, total_weight = 0, 0, 0
local waiting = {} -- send times not yet answered, by matching key: { head = i, [i] = t, ... }

function init(args)
  local data = dofile(args[1])
  local thread_count = tonumber(args[2])
  if args[3] and args[3] ~= "" then WEIGHTS = parse_weights(args[3]) end
  math.randomseed(os.time() + 7919 * id)
  people, programs, campaigns, answer_body = {}, data.programs, data.campaigns, data.answer
  for index, person in ipairs(data.people) do
    if (index - 1) % thread_count == id then
      person.get = { Authorization = "Bearer " .. person.token, ["Accept-Language"] = "id" }
      person.post = { Authorization = "Bearer " .. person.token, ["Accept-Language"] = "id", ["Content-Type"] = "application/json" }
      table.insert(people, person)
      if person.session ~= "" then
        -- The load tool left a request pending: this person's first write cancels it.
        idle_tail = idle_tail + 1
        idle[idle_tail] = { person = person, session = person.session, next = "cancel" }
      end
    end
  end
  pair_count = #people * #campaigns
  local shown = {}
  for _, entry in ipairs(WEIGHTS) do
    total_weight = total_weight + entry[2]
    table.insert(shown, entry[1] .. " " .. entry[2])
  end
  verifying = id == 0
  -- Read by done() through thread:get.
  weights_text = table.concat(shown, ", ")
  sent = {}        -- requests sent, by kind
  ok = {}          -- 2xx answers, by kind recognised in the body
  statuses = {}    -- answers by HTTP status
  deferred = 0     -- enrol draws turned into reads
  used_up = 0      -- answer draws turned into reads
  unmatched = 0    -- 2xx answers with no request waiting under their key (should stay 0)
  error_keys = {}  -- error answers by status and message (digits as #), in order of first sight,
  error_count = {} -- how many of each,
  error_body = {}  -- and the first of each: "status body"
  for _, kind in ipairs(KINDS) do _G[latency_name(kind)] = {} end
end

local function count(into, key)
  into[key] = (into[key] or 0) + 1
end

local function wait_for(key)
  local queue = waiting[key]
  if not queue then
    queue = { head = 1, tail = 0 }
    waiting[key] = queue
  end
  queue.tail = queue.tail + 1
  queue[queue.tail] = now_us()
end

local function answered(key, kind)
  local queue = waiting[key]
  if not queue or queue.head > queue.tail then
    unmatched = unmatched + 1
    return
  end
  local started = queue[queue.head]
  queue[queue.head] = nil
  queue.head = queue.head + 1
  table.insert(_G[latency_name(kind)], now_us() - started)
end

local function draw()
  local point = math.random() * total_weight
  for _, entry in ipairs(WEIGHTS) do
    point = point - entry[2]
    if point < 0 then return entry[1] end
  end
  return WEIGHTS[#WEIGHTS][1]
end

local function read(kind, person)
  count(sent, kind)
  if kind == "catalogue" then
    wait_for("catalogue")
    return wrk.format("GET", "/api/v1/programs?pageSize=20", person.get)
  elseif kind == "program" then
    local code = programs[math.random(#programs)]
    wait_for("program|" .. code)
    return wrk.format("GET", "/api/v1/programs/" .. code, person.get)
  elseif kind == "ledger" then
    wait_for("ledger|" .. person.nip)
    return wrk.format("GET", "/api/v1/ledgers/" .. person.nip, person.get)
  elseif kind == "enrolments" then
    wait_for("enrolments|" .. person.nip)
    return wrk.format("GET", "/api/v1/enrolments?nip=" .. person.nip, person.get)
  end
  wait_for("pending")
  return wrk.format("GET", "/api/v1/me/pending-forms", person.get)
end

function request()
  if verifying then
    -- wrk calls request() once on the first thread before the run, to check what it returns, and never
    -- sends that request: it must not take a write or wait for an answer.
    verifying = false
    return wrk.format("GET", "/api/v1/programs?pageSize=20", people[1].get)
  end
  local kind = draw()
  local person = people[math.random(#people)]
  if kind == "enrol" then
    if idle_head > idle_tail then
      deferred = deferred + 1
      return read(READS[math.random(#READS)], person)
    end
    local slot = idle[idle_head]
    idle[idle_head] = nil
    idle_head = idle_head + 1
    local who = slot.person
    slot.sent_at = now_us()
    in_flight[who.nip .. "|" .. slot.session] = slot
    if slot.next == "request" then
      count(sent, "enrol request")
      return wrk.format("POST", "/api/v1/sessions/" .. slot.session .. ":requestEnrolment", who.post, "{}")
    end
    count(sent, "enrol cancel")
    return wrk.format("POST", "/api/v1/sessions/" .. slot.session .. "/enrolments/" .. who.nip .. ":cancel", who.post,
      '{"reason":"uji beban"}')
  elseif kind == "answer" then
    if pair_next >= pair_count then
      used_up = used_up + 1
      return read(READS[math.random(#READS)], person)
    end
    -- Pair k: person k mod P answers campaign k div P, so everyone's answers spread over the run.
    local who = people[pair_next % #people + 1]
    local campaign = campaigns[math.floor(pair_next / #people) + 1]
    pair_next = pair_next + 1
    count(sent, "answer")
    wait_for("answer")
    return wrk.format("POST", "/api/v1/campaigns/" .. campaign .. ":submit", who.post, answer_body)
  end
  return read(kind, person)
end

local function starts(body, prefix)
  return body:sub(1, #prefix) == prefix
end

-- The kind of a 2xx answer, from its JSON (proto3 JSON, keys in alphabetical order).
local function kind_of(body)
  if starts(body, '{"receipt"') then return "answer" end
  if starts(body, '{"enrolments"') then return "enrolments" end
  if starts(body, '{"forms"') or body == "{}" then return "pending" end
  if starts(body, '{"nextPageToken"') or starts(body, '{"programs"') then return "catalogue" end
  if body:find('"jpTarget":', 1, true) then return "ledger" end
  if body:find('"state":"ENROLMENT_STATE_', 1, true) then return "enrol" end
  if body:find('"code":"', 1, true) then return "program" end
  return "unrecognised"
end

function response(status, headers, body)
  count(statuses, status)
  if status < 200 or status > 299 then
    local message = body:match('"message":"(.-)","') or body:sub(1, 120)
    local key = status .. " " .. message:gsub("%d", "#")
    if error_count[key] == nil then
      if #error_keys >= 20 then key = "other" end
      if error_count[key] == nil then
        table.insert(error_keys, key)
        error_body[key] = status .. " " .. body:sub(1, 400):gsub("%s+", " ")
      end
    end
    count(error_count, key)
    return
  end
  local kind = kind_of(body)
  if kind == "enrol" then
    local nip, session = body:match('"nip":"(%d+)"'), body:match('"sessionId":"([^"]+)"')
    local slot = nip and session and in_flight[nip .. "|" .. session]
    if not slot then
      unmatched = unmatched + 1
      return
    end
    in_flight[nip .. "|" .. session] = nil
    local state = body:match('"state":"ENROLMENT_STATE_(%u+)"')
    kind = (state == "CANCELLED" or state == "REJECTED") and "enrol cancel" or "enrol request"
    table.insert(_G[latency_name(kind)], now_us() - slot.sent_at)
    slot.next = kind == "enrol cancel" and "request" or "cancel"
    idle_tail = idle_tail + 1
    idle[idle_tail] = slot
  elseif kind == "ledger" or kind == "enrolments" then
    answered(kind .. "|" .. (body:match('"nip":"(%d+)"') or ""), kind)
  elseif kind == "program" then
    answered("program|" .. (body:match('"code":"([^"]+)"') or ""), kind)
  elseif kind ~= "unrecognised" then
    answered(kind, kind)
  end
  count(ok, kind)
end

-- done: back in the main environment ------------------------------------------------------------------
local function add(into, from)
  for key, value in pairs(from or {}) do into[key] = (into[key] or 0) + value end
end

local function ms(us)
  return string.format("%.1f", us / 1000)
end

function done(summary, latency, requests)
  local sent, ok, statuses = {}, {}, {}
  local deferred, used_up, unmatched = 0, 0, 0
  local error_keys, error_count, error_body = {}, {}, {}
  local latencies = {}
  for _, kind in ipairs(KINDS) do latencies[kind] = {} end
  for _, thread in ipairs(threads) do
    add(sent, thread:get("sent"))
    add(ok, thread:get("ok"))
    add(statuses, thread:get("statuses"))
    deferred = deferred + (thread:get("deferred") or 0)
    used_up = used_up + (thread:get("used_up") or 0)
    unmatched = unmatched + (thread:get("unmatched") or 0)
    local counts, bodies = thread:get("error_count") or {}, thread:get("error_body") or {}
    for _, key in ipairs(thread:get("error_keys") or {}) do
      if error_count[key] == nil then
        table.insert(error_keys, key)
        error_body[key], error_count[key] = bodies[key], 0
      end
      error_count[key] = error_count[key] + counts[key]
    end
    for _, kind in ipairs(KINDS) do
      for _, value in ipairs(thread:get(latency_name(kind)) or {}) do table.insert(latencies[kind], value) end
    end
  end
  local class, codes = { 0, 0, 0, 0, 0 }, {}
  for status, n in pairs(statuses) do
    local c = math.floor(status / 100)
    if c >= 1 and c <= 5 then class[c] = class[c] + n end
    table.insert(codes, status)
  end
  table.sort(codes)
  local errors = summary.errors
  local socket = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  local sent_total, ok_total = 0, 0
  for _, n in pairs(sent) do sent_total = sent_total + n end
  for _, n in pairs(ok) do ok_total = ok_total + n end

  print("---- load-mix ----")
  print("mix        " .. threads[1]:get("weights_text") .. " (weights)")
  print(string.format("requests   %d answered in %.1f s: %.0f calls/s (%d more were in flight when the run ended)",
    summary.requests, seconds, summary.requests / seconds, math.max(0, sent_total - summary.requests)))
  print(string.format("latency    p50 %s ms, p90 %s ms, p99 %s ms, max %s ms (mean %s ms), every request",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max), ms(latency.mean)))
  print("")
  print(string.format("%-14s %8s %8s %10s %10s %10s %10s", "kind", "sent", "2xx", "p50 ms", "p90 ms", "p99 ms", "max ms"))
  for _, kind in ipairs(KINDS) do
    local values = latencies[kind]
    table.sort(values)
    local function p(q)
      if #values == 0 then return "-" end
      return ms(values[math.max(1, math.ceil(#values * q / 100))])
    end
    if (sent[kind] or 0) > 0 then
      print(string.format("%-14s %8d %8d %10s %10s %10s %10s", kind, sent[kind] or 0, ok[kind] or 0, p(50), p(90), p(99), p(100)))
    end
  end
  if (ok["unrecognised"] or 0) > 0 then print(string.format("%-14s %8s %8d", "unrecognised", "", ok["unrecognised"])) end
  print(string.format("%-14s %8d %8d", "total", sent_total, ok_total))
  print(string.format("enrol deferred %d, answers used up %d (draws turned into reads); 2xx answers not matched to a request %d",
    deferred, used_up, unmatched))
  print("")
  local by_code = {}
  for _, status in ipairs(codes) do table.insert(by_code, status .. ": " .. statuses[status]) end
  print(string.format("status     2xx %d, 3xx %d, 4xx %d, 5xx %d (%s)", class[2], class[3], class[4], class[5], table.concat(by_code, ", ")))
  print(string.format("socket     connect %d, read %d, write %d, timeout %d", errors.connect, errors.read, errors.write, errors.timeout))
  for _, key in ipairs(error_keys) do
    print(string.format("error      %d like: %s", error_count[key], error_body[key] or key))
  end
  -- Every request of the mix should answer 2xx, so every 4xx is unexpected.
  print(string.format("verdict    errors %d (5xx %d + socket %d + unexpected 4xx %d)", class[5] + socket + class[4], class[5], socket, class[4]))
end
