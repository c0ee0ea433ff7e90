# Starting and stopping the whole system, shared by tools/run and tools/web-tests (source it).
# Needs: bin (the build's bin path), BINAKARIER_SOCKET_DIR, BINAKARIER_DATA_DIR, a log directory;
# SYSTEM_QUIET=1 keeps the daemons' logs in their files only (not on stderr too).
# The daemons and their order come from DaemonName.system, the one list (through tools/bk-system).

system_pids=()

# start_system LOG_DIR: starts every daemon in order, each waited for until it prints its readiness line.
start_system() {
  local logs=$1 entry daemon name log
  mkdir -p "$BINAKARIER_DATA_DIR" "$logs"
  mapfile -t daemons < <("$bin/bk-system" daemons)
  for entry in "${daemons[@]}"; do
    daemon=${entry% *}
    name=${entry#* }
    log="$logs/$daemon.log"
    : > "$log"
    if [ -n "${SYSTEM_QUIET:-}" ]; then
      "$bin/$daemon" --data-dir "$BINAKARIER_DATA_DIR/$name" 2>>"$log" &
    else
      "$bin/$daemon" --data-dir "$BINAKARIER_DATA_DIR/$name" 2> >(tee -a "$log" >&2) &
    fi
    system_pids+=($!)
    for _ in $(seq 1 300); do
      grep -q "BINAKARIER READY" "$log" && break
      kill -0 "${system_pids[-1]}" 2>/dev/null || { echo "system: $daemon failed to start; see $log" >&2; return 1; }
      sleep 0.1
    done
    grep -q "BINAKARIER READY" "$log" || { echo "system: $daemon not ready after 30 s; see $log" >&2; return 1; }
  done
}

# The gateway's http=HOST:PORT from its readiness line in LOG_DIR.
gateway_address() {
  sed -n 's/.*BINAKARIER READY daemon=gateway .* http=\([^ ]*\).*/\1/p' "$1/bk-gateway.log" | head -n 1
}

stop_system() {
  local pid
  for pid in "${system_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${system_pids[@]}" 2>/dev/null || true
  system_pids=()
}
