#!/usr/bin/env bash
# Builds Inbox.sln once, runs every test project in turn, and prints the totals over all of them as the LAST line:
#   N passed, N failed[, N skipped]
# Exits non-zero when a test failed, when no test ran, or when dotnet test itself failed (build error, crashed host).
# Works from any directory; needs nothing built beforehand. The browser tests need Debian's Chromium, the email tests
# Dovecot and Postfix, the storage, outbox and several-hosts tests PostgreSQL 15: all are installed here when missing, and
# the servers started (and stopped at the end; a PostgreSQL that was already running is left running).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

results="$(mktemp -d "${TMPDIR:-/tmp}/inbox-test-results.XXXXXX")"

# Debian's packages (one apt-get update for all): Chromium for the browser tests, never a Playwright download (that
# fetches browsers from outside the package registries); Dovecot and Postfix for the email tests; PostgreSQL for the
# tests that run against it.
install_missing() {
  local sudo=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then sudo=(sudo -n); fi
  echo "Installing Debian's $*..."
  "${sudo[@]}" apt-get update -q >"$results/apt.log" 2>&1 &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "$@" >>"$results/apt.log" 2>&1
}
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/sbin/dovecot && -e /usr/lib/dovecot/lmtp && -x /usr/sbin/postfix ]] || missing+=(dovecot-imapd dovecot-lmtpd postfix)
[[ -x /usr/bin/pg_ctlcluster && -x /usr/lib/postgresql/15/bin/postgres ]] || missing+=(postgresql)
if (( ${#missing[@]} > 0 )); then
  # Not fatal here: the tests that need what is missing fail with a message that says so.
  install_missing "${missing[@]}" || { tail -n 20 "$results/apt.log" >&2 || true; echo "WARNING: could not install ${missing[*]}" >&2; }
fi

# The email tests' real mail servers on loopback (scripts/mail-servers.sh) and PostgreSQL (scripts/postgres-server.sh),
# stopped again at the end (PostgreSQL only when it was started here).
stop_servers=()
trap 'for s in "${stop_servers[@]}"; do bash "scripts/$s" stop >/dev/null 2>&1 || true; done' EXIT
if mail_env="$(bash scripts/mail-servers.sh start)"; then
  eval "$mail_env"
  stop_servers+=(mail-servers.sh)
else
  echo "WARNING: the test mail servers did not start; the email tests will fail and say so" >&2
fi
if postgres_env="$(bash scripts/postgres-server.sh start)"; then
  eval "$postgres_env"
  stop_servers+=(postgres-server.sh)
else
  echo "WARNING: PostgreSQL did not start; the PostgreSQL tests will fail and say so" >&2
fi

set +e
status=0
dotnet build Inbox.sln -c Release || status=$?
if (( status == 0 )); then
  # One project at a time, each with its own named results file: nothing can overwrite another's counts.
  for project in tests/*/*.Tests.csproj; do
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c Release --no-build --results-directory "$results" --logger "trx;LogFileName=$name.trx" || status=$?
  done
fi
set -e

# Reads one attribute of the <Counters .../> element of a TRX file (0 when absent).
counter() {
  local value
  value="$(grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]\+" | head -n 1 || true)"
  echo "${value:-0}"
}

passed=0 failed=0 skipped=0 files=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  files=$((files + 1))
  # A test's codeBase is the test assembly's path, so it names the project.
  project="$(grep -o 'codeBase="[^"]*"' "$trx" | head -n 1 | sed -e 's/^codeBase="//' -e 's/"$//' -e 's#.*[/\\]##' -e 's/\.dll$//' || true)"
  p=$(counter passed "$trx")
  f=$(( $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx") ))
  s=$(( $(counter total "$trx") - $(counter executed "$trx") ))
  (( s < 0 )) && s=0
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  echo "  ${project:-$(basename "$trx")}: $p passed, $f failed$( (( s > 0 )) && echo ", $s skipped")"
done

exit_code=0
if (( status != 0 && failed == 0 )); then
  echo "dotnet test exited with $status without a failed test: a build error or a crashed test host (see above)."
  exit_code=1
fi
if (( passed + failed == 0 )); then
  echo "No test ran ($files result files)."
  exit_code=1
fi
(( failed > 0 )) && exit_code=1
if (( exit_code == 0 )); then rm -rf "$results"; else echo "Test results kept in $results"; fi

echo "$passed passed, $failed failed$( (( skipped > 0 )) && echo ", $skipped skipped")"
exit "$exit_code"
