#!/usr/bin/env bash
# The hall's own certificate authority and the hall server's certificate (bash + openssl).
# Run it on the organiser's machine (the CA key can then stay off the hall server), see --help.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deploy/hall-ca.sh [--dir DIR] [--days N] [--ca-name TEXT] NAME_OR_IP...

Makes, in DIR (default ./hall-ca):
  hall-ca.key, hall-ca.crt   the hall certificate authority: made once, reused afterwards
                             (key mode 0600; keep it off the hall server if you can)
  hall-ca.cer                the same CA certificate in DER form (Windows, some Android versions)
  server.key, server.crt     the hall server's key (0600) and certificate, signed by the CA,
                             valid for every NAME_OR_IP given (DNS names and IP addresses)

Run it again with the same names: nothing changes. With other names, or when the server
certificate has less than 30 days left, a new server certificate is made (the CA stays, so
tablets that trust it keep trusting the new certificate).

  --dir DIR      where the files are (default ./hall-ca)
  --days N       validity of the server certificate in days (default 397)
  --ca-name TEXT the CA's name as devices show it (default "Hall CA <host> <date>")
  -h, --help     this text

Example:  deploy/hall-ca.sh hoitruong.lan 192.168.10.2
Then copy server.crt and server.key to the hall server (the command is printed at the end),
and install hall-ca.crt on every tablet and desk PC (README, "TLS in the hall").
EOF
}

die() { echo "hall-ca: $*" >&2; exit 1; }

dir=./hall-ca
days=397
ca_name=""
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --dir) [ $# -ge 2 ] || die "--dir needs a folder"; dir=$2; shift 2 ;;
    --days) [ $# -ge 2 ] || die "--days needs a number"; days=$2; shift 2 ;;
    --ca-name) [ $# -ge 2 ] || die "--ca-name needs a text"; ca_name=$2; shift 2 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) names+=("$1"); shift ;;
  esac
done
[ ${#names[@]} -gt 0 ] || { usage >&2; die "give the hall server's name(s) and/or IP address(es)"; }
[[ "$days" =~ ^[1-9][0-9]*$ ]] || die "--days: \"$days\" is not a positive number of days"
command -v openssl >/dev/null || die "openssl is missing: apt-get install -y openssl"

# subjectAltName: IP addresses as IP:, everything else as DNS:.
san=()
for n in "${names[@]}"; do
  if [[ "$n" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || [[ "$n" == *:* ]]; then
    san+=("IP:$n")
  elif [[ "$n" =~ ^[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
    san+=("DNS:$n")
  else
    die "\"$n\" is neither a host name nor an IP address"
  fi
done
san_text=$(IFS=,; echo "${san[*]}")

umask 077
mkdir -p "$dir"
ca_key="$dir/hall-ca.key"; ca_crt="$dir/hall-ca.crt"; ca_der="$dir/hall-ca.cer"
key="$dir/server.key"; crt="$dir/server.crt"

# 1. The CA, once.
if [ -f "$ca_key" ] && [ -f "$ca_crt" ]; then
  echo "hall-ca: using the existing CA $ca_crt"
elif [ -f "$ca_key" ] || [ -f "$ca_crt" ]; then
  die "only one of $ca_key and $ca_crt exists: restore the other, or move both away to make a new CA"
else
  [ -n "$ca_name" ] || ca_name="Hall CA $(hostname -s 2>/dev/null || echo hall) $(date +%Y-%m-%d)"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$ca_key" 2>/dev/null
  chmod 600 "$ca_key"
  openssl req -x509 -new -key "$ca_key" -sha256 -days 3650 -subj "/CN=$ca_name" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" -out "$ca_crt"
  echo "hall-ca: made the CA \"$ca_name\" ($ca_crt, key $ca_key, mode 0600)"
fi
chmod 644 "$ca_crt"
openssl x509 -in "$ca_crt" -outform DER -out "$ca_der"
chmod 644 "$ca_der"

# 2. The server certificate, unless the one there already fits.
current_san() {
  openssl x509 -in "$crt" -noout -ext subjectAltName 2>/dev/null | tail -n +2 \
    | tr ',' '\n' | sed 's/^ *//; s/IP Address:/IP:/' | sort | paste -sd, -
}
wanted_san=$(printf '%s\n' "${san[@]}" | sort | paste -sd, -)
if [ -f "$key" ] && [ -f "$crt" ] \
  && openssl verify -CAfile "$ca_crt" "$crt" >/dev/null 2>&1 \
  && openssl x509 -in "$crt" -noout -checkend $((30 * 86400)) >/dev/null \
  && [ "$(current_san)" = "$wanted_san" ]; then
  echo "hall-ca: $crt already covers $san_text, is signed by this CA and has more than 30 days left: unchanged"
else
  [ -f "$crt" ] && echo "hall-ca: replacing $crt (other names, another CA or near its end)"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$key" 2>/dev/null
  chmod 600 "$key"
  ext=$(mktemp); csr=$(mktemp); trap 'rm -f "$ext" "$csr"' EXIT
  cat >"$ext" <<EOF
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=$san_text
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EOF
  openssl req -new -key "$key" -subj "/CN=${names[0]}" -out "$csr"
  openssl x509 -req -in "$csr" -CA "$ca_crt" -CAkey "$ca_key" -CAcreateserial -CAserial "$dir/hall-ca.srl" \
    -days "$days" -sha256 -extfile "$ext" -out "$crt" 2>/dev/null
  chmod 644 "$crt"
  openssl verify -CAfile "$ca_crt" "$crt" >/dev/null || die "the new certificate does not verify against the CA"
  echo "hall-ca: made $crt for $san_text, valid $days days"
fi

cat <<EOF

What to copy where:
  hall server:  install -d -m 0755 /etc/electionsystem/tls
                install -m 0644 $crt /etc/electionsystem/tls/hall.crt
                install -m 0640 -g electionsystem $key /etc/electionsystem/tls/hall.key
                (paths the systemd unit deploy/electionsystem.service reads; then
                 systemctl restart electionsystem; the CA key $ca_key stays here)
  tablets, desk PCs, projector PCs:  $ca_crt (or $ca_der), installed as a trusted CA
                (README, "TLS in the hall"); then open https://${names[0]}/
  never copy:   $ca_key  (whoever has it can make certificates every device here trusts)
EOF
