#!/usr/bin/env bash
# Real mail servers on loopback for the email tests: a private Dovecot (IMAP 127.0.0.1:10143, LMTP 127.0.0.1:10024)
# and Postfix (SMTP 127.0.0.1:2525) delivering mail for example.test into Dovecot over LMTP.
#
#   eval "$(bash scripts/mail-servers.sh start)"   # installs what is missing, starts both, prints the INBOX_TEST_* exports
#   bash scripts/mail-servers.sh stop
#   bash scripts/mail-servers.sh env               # prints the exports again
#
# Everything Dovecot keeps (config, users, mail, log) lives in $INBOX_MAIL_DIR (default /tmp/inbox-mail-servers).
# Postfix is the machine's own instance, reconfigured with `postconf -e` for this purpose: run this on a test
# machine (CI, a container), not on one whose Postfix delivers real mail.
# Users: support@, customer@ and customer2..5@example.test, all with the password in INBOX_TEST_MAIL_PASSWORD;
# tests add their own users by appending "name@example.test:{PLAIN}password" lines to INBOX_TEST_MAIL_USERS_FILE
# (Dovecot reads the file again when it changes).
# Progress goes to stderr; only the exports go to stdout.
set -euo pipefail

dir="${INBOX_MAIL_DIR:-${TMPDIR:-/tmp}/inbox-mail-servers}"
imap_port=10143
lmtp_port=10024
smtp_port=2525
password="inbox-test-mail-password"

say() { echo "mail-servers: $*" >&2; }

sudo_cmd=()
if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then sudo_cmd=(sudo -n); fi

install_missing() {
  local missing=()
  [[ -x /usr/sbin/dovecot ]] && command -v doveadm >/dev/null || missing+=(dovecot-imapd)
  [[ -e /usr/lib/dovecot/lmtp ]] || missing+=(dovecot-lmtpd)
  [[ -x /usr/sbin/postfix ]] || missing+=(postfix)
  (( ${#missing[@]} == 0 )) && return 0
  say "installing ${missing[*]} (Debian packages)..."
  "${sudo_cmd[@]}" apt-get update -q >"$dir/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q dovecot-imapd dovecot-lmtpd postfix >>"$dir/apt.log" 2>&1 \
    || { tail -n 20 "$dir/apt.log" >&2; return 1; }
}

wait_for_port() {
  local port=$1 name=$2
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  say "$name does not answer on 127.0.0.1:$port"
  return 1
}

# A fresh start: the well-known users only, and no mail left from earlier runs.
reset_mailboxes() {
  rm -rf "$dir/mail"
  : >"$dir/users"
  for user in support customer customer2 customer3 customer4 customer5; do
    echo "$user@example.test:{PLAIN}$password" >>"$dir/users"
  done
}

write_dovecot_config() {
  mkdir -p "$dir/run" "$dir/mail"
  chmod 777 "$dir/mail"
  # Tests append their own users; Dovecot's auth process reads the file, so everyone may read and write it.
  chmod 666 "$dir/users"
  cat >"$dir/dovecot.conf" <<EOF
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp_port
  }
}
EOF
}

start_dovecot() {
  if [[ -f "$dir/run/master.pid" ]] && kill -0 "$(cat "$dir/run/master.pid")" 2>/dev/null; then
    say "Dovecot is already running (pid $(cat "$dir/run/master.pid")); keeping its users and mail"
    [[ -f "$dir/users" ]] || reset_mailboxes
    write_dovecot_config
  else
    reset_mailboxes
    write_dovecot_config
    mkdir -p "$dir/state"
    /usr/sbin/dovecot -c "$dir/dovecot.conf"
  fi
  wait_for_port "$imap_port" "Dovecot IMAP"
  wait_for_port "$lmtp_port" "Dovecot LMTP"
}

start_postfix() {
  # The settings recorded in shared/docs/test-servers.md, plus the two error transports: mail for any other domain
  # (bounces to made-up senders included) fails at once instead of being looked up in DNS and sent out.
  "${sudo_cmd[@]}" postconf -e \
    "inet_interfaces = loopback-only" \
    "mydestination =" \
    "relayhost =" \
    "virtual_mailbox_domains = example.test" \
    "virtual_transport = lmtp:inet:127.0.0.1:$lmtp_port" \
    "mynetworks = 127.0.0.0/8" \
    "smtpd_recipient_restrictions = permit_mynetworks, reject" \
    "compatibility_level = 3.6" \
    "maillog_file = /dev/stdout" \
    "default_transport = error:mail leaves example.test only on real servers" \
    "relay_transport = error:mail leaves example.test only on real servers"
  # Listen on the test port instead of 25 (the service name of the "smtp inet" line is its port).
  "${sudo_cmd[@]}" sed -i -E "s/^smtp([[:space:]]+inet[[:space:]])/$smtp_port\1/" /etc/postfix/master.cf
  if "${sudo_cmd[@]}" postfix status >/dev/null 2>&1; then
    "${sudo_cmd[@]}" postfix reload >/dev/null 2>&1
  else
    "${sudo_cmd[@]}" postfix start >"$dir/postfix.log" 2>&1
  fi
  wait_for_port "$smtp_port" "Postfix SMTP"
}

print_env() {
  cat <<EOF
export INBOX_TEST_IMAP_HOST=127.0.0.1
export INBOX_TEST_IMAP_PORT=$imap_port
export INBOX_TEST_SMTP_HOST=127.0.0.1
export INBOX_TEST_SMTP_PORT=$smtp_port
export INBOX_TEST_MAIL_DOMAIN=example.test
export INBOX_TEST_MAIL_PASSWORD=$password
export INBOX_TEST_MAIL_USERS_FILE=$dir/users
EOF
}

case "${1:-}" in
  start)
    mkdir -p "$dir"
    install_missing
    start_dovecot
    start_postfix
    say "Dovecot IMAP 127.0.0.1:$imap_port, LMTP 127.0.0.1:$lmtp_port; Postfix SMTP 127.0.0.1:$smtp_port; state in $dir"
    print_env
    ;;
  stop)
    if [[ -f "$dir/dovecot.conf" ]] && [[ -f "$dir/run/master.pid" ]]; then
      pid="$(cat "$dir/run/master.pid")"
      doveadm -c "$dir/dovecot.conf" stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    if command -v postfix >/dev/null && "${sudo_cmd[@]}" postfix status >/dev/null 2>&1; then
      "${sudo_cmd[@]}" postfix stop >/dev/null 2>&1 || true
    fi
    say "stopped"
    ;;
  env)
    print_env
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac
