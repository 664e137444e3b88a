#!/usr/bin/env bash
# Sourced by .ci/run: a throw-away PostgreSQL server on 127.0.0.1 for `npm run test:postgres`.
# Installs Debian's postgresql when missing (CI runs as root), starts a fresh cluster in a temp
# directory and exports TEST_POSTGRES_URL. Any failure leaves TEST_POSTGRES_URL unset and says so.
ci_postgres() {
  local bin port dir
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "ci: installing PostgreSQL (Debian package)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && \
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  port=${CI_POSTGRES_PORT:-55433}
  dir=$(mktemp -d /tmp/ci-pg.XXXXXX)
  chown postgres:postgres "$dir"
  su postgres -c "$bin/initdb -D $dir/data -A trust -U postgres >/dev/null" || return 1
  su postgres -c "$bin/pg_ctl -D $dir/data -l $dir/log -o '-c listen_addresses=127.0.0.1 -p $port -k $dir' -w start >/dev/null" || return 1
  export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  export CI_POSTGRES_DIR="$dir" CI_POSTGRES_BIN="$bin"
  echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}
ci_postgres_stop() {
  [ -n "${CI_POSTGRES_DIR:-}" ] && su postgres -c "$CI_POSTGRES_BIN/pg_ctl -D $CI_POSTGRES_DIR/data -m fast stop >/dev/null" || true
}
ci_postgres || echo "ci: no PostgreSQL server could be started; the PostgreSQL suite will be skipped."
