#!/usr/bin/env bash
# PostgreSQL 15 on loopback for the storage, outbox and several-hosts tests: Debian's cluster "15 main" on 127.0.0.1:5432,
# with a login role that may create databases (every test makes its own and drops it).
#
#   eval "$(bash scripts/postgres-server.sh start)"   # installs postgresql if missing, starts the cluster, prints the exports
#   bash scripts/postgres-server.sh stop              # stops the cluster, but only if the `start` of this shell started it
#   bash scripts/postgres-server.sh env               # prints the connection string export again
#
# A server that already answers on the port is used as it is and left running: `start` exports
# INBOX_POSTGRES_STARTED_HERE=1 only when it started the cluster itself, and `stop` reads it from the environment,
# so a test run inside a shell that started the server by hand leaves it running for that shell. Databases named
# inbox_test_* that an interrupted run left behind are dropped when `start` starts the cluster (nobody can be using them).
# Progress goes to stderr; only the exports go to stdout.
set -euo pipefail

dir="${INBOX_POSTGRES_DIR:-${TMPDIR:-/tmp}/inbox-postgres}"
version=15
cluster=main
port=5432
role=inbox
password="inbox-test-postgres-password"

say() { echo "postgres-server: $*" >&2; }

sudo_cmd=()
if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then sudo_cmd=(sudo -n); fi

# Runs psql as the cluster's owner over its local socket (peer authentication), on the maintenance database.
as_postgres() {
  local user=(runuser -u postgres --)
  [[ $(id -u) -eq 0 ]] || user=("${sudo_cmd[@]}" -u postgres)
  (cd / && "${user[@]}" psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@")
}

install_missing() {
  [[ -x /usr/bin/pg_ctlcluster && -x "/usr/lib/postgresql/$version/bin/postgres" ]] && return 0
  say "installing postgresql (Debian package)..."
  "${sudo_cmd[@]}" apt-get update -q >"$dir/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q postgresql >>"$dir/apt.log" 2>&1 \
    || { tail -n 20 "$dir/apt.log" >&2; return 1; }
}

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

wait_for_port() {
  for _ in $(seq 1 150); do
    port_answers && return 0
    sleep 0.1
  done
  say "PostgreSQL does not answer on 127.0.0.1:$port"
  return 1
}

started_here=0
start_cluster() {
  if port_answers; then
    say "a PostgreSQL server already answers on 127.0.0.1:$port; using it as it is"
    return 0
  fi
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version $cluster"; then
    say "creating cluster $version/$cluster"
    "${sudo_cmd[@]}" pg_createcluster "$version" "$cluster" --port "$port" >"$dir/createcluster.log" 2>&1 \
      || { tail -n 20 "$dir/createcluster.log" >&2; return 1; }
  fi
  "${sudo_cmd[@]}" pg_ctlcluster "$version" "$cluster" start >"$dir/start.log" 2>&1 \
    || { tail -n 20 "$dir/start.log" >&2; tail -n 20 "/var/log/postgresql/postgresql-$version-$cluster.log" >&2 || true; return 1; }
  wait_for_port
  started_here=1
  drop_leftover_databases
}

create_role() {
  # Idempotent: the role is created once and its password and rights set at every start.
  as_postgres <<EOF
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END
\$\$;
EOF
}

drop_leftover_databases() {
  local name
  for name in $(as_postgres -At -c "SELECT datname FROM pg_database WHERE datname LIKE 'inbox\_test\_%'" 2>/dev/null || true); do
    as_postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
}

print_env() {
  echo "export INBOX_TEST_POSTGRES=\"Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres\""
}

case "${1:-}" in
  start)
    mkdir -p "$dir"
    install_missing
    start_cluster
    create_role
    say "PostgreSQL $version on 127.0.0.1:$port, role $role (CREATEDB)$( (( started_here )) && echo ", started here" || true)"
    print_env
    echo "export INBOX_POSTGRES_STARTED_HERE=$started_here"
    ;;
  stop)
    if [[ "${INBOX_POSTGRES_STARTED_HERE:-0}" == 1 ]]; then
      "${sudo_cmd[@]}" pg_ctlcluster "$version" "$cluster" stop >/dev/null 2>&1 || true
      say "stopped"
    else
      say "not started by this shell's \`start\`; left running"
    fi
    ;;
  env)
    print_env
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac
