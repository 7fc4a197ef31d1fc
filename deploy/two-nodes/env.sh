# Shared by up.sh, down.sh and promote.sh: where the rehearsal lives and its loopback ports.
# Override with TWO_NODES_DIR and TWO_NODES_PORT (the proxy's port; the others follow it).
dir=${TWO_NODES_DIR:-/tmp/es-two-nodes}
base=${TWO_NODES_PORT:-56000}
# The published server, outside the rehearsal's folder so down.sh keeps it for the next up.sh
# (delete it to publish again after changing the code).
app_dir=${TWO_NODES_APP:-$dir-app}
proxy_port=$base
pg1_port=$((base + 1))     # the primary (at first)
pg2_port=$((base + 2))     # the synchronous standby, named "standby"
redis_port=$((base + 3))
app1_port=$((base + 11))
app2_port=$((base + 12))
# Debian's server binaries (pg_basebackup, pg_isready, psql are all there); else wherever initdb really is.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] || pgbin=$(dirname "$(readlink -f "$(command -v initdb)")")
# PostgreSQL refuses to run as root: as root its commands run as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# What the apps connect to: both hosts, whichever is the read-write one (Npgsql rechecks by itself).
connection="Host=127.0.0.1:${pg1_port},127.0.0.1:${pg2_port};Database=election;Username=postgres;Target Session Attributes=read-write;Host Recheck Seconds=2;Timeout=5;Command Timeout=30;Maximum Pool Size=90"
