#!/usr/bin/env bash
# Dovecot as the other server of `npm run bench -- --compare 'bash bench/dovecot.sh'`.
# Serves the accounts of $POP3_MAILLIST (smallpop3's format: user password mailbox, the path relative
# to the maillist; an mbox file or a maildir) on 127.0.0.1:$POP3_PORT, with plain passwords, no TLS,
# from a configuration generated in a temporary folder, tuned for load; runs in the foreground until
# it gets SIGTERM, then removes that folder. Needs Dovecot: apt-get install -y dovecot-pop3d.
set -euo pipefail

port=${POP3_PORT:?set POP3_PORT}
folder=${POP3_FOLDER:?set POP3_FOLDER}
maillist=${POP3_MAILLIST:-$folder/maillist}
command -v dovecot >/dev/null || { echo "dovecot.sh: no dovecot here; install it with: apt-get install -y dovecot-pop3d" >&2; exit 127; }

run=$(mktemp -d "${TMPDIR:-/tmp}/bench-dovecot.XXXXXX")
chmod 755 "$run" # the login processes run as dovenull and must reach the sockets in it
trap 'rm -rf "$run"' EXIT
mkdir -p "$run/base" "$run/state" "$run/index"

# passwd-file: user:{PLAIN}password:uid:gid:gecos:home:shell:extra fields (a per-user mail location)
maildir=$(cd "$(dirname "$maillist")" && pwd)
while read -r name password mailbox _; do
  [[ -z $name || $name == \#* ]] && continue
  [[ $mailbox == /* ]] || mailbox=$maildir/$mailbox
  if [[ -d $mailbox ]]; then mail="maildir:$mailbox:INDEX=$run/index/$name"
  else mail="mbox:$run/index/$name:INBOX=$mailbox:INDEX=$run/index/$name"; fi
  echo "$name:{PLAIN}$password::::::userdb_mail=$mail"
done <"$maillist" >"$run/passwd"

# Dovecot refuses mail access as root: then the mail processes run as nobody, owning the folder
user=$(id -un)
group=$(id -gn)
if [[ $(id -u) == 0 ]]; then
  user=nobody
  group=$(id -gn nobody)
  chown -R "$user:$group" "$maildir" "$run/index"
fi
cores=$(nproc)
cat >"$run/dovecot.conf" <<EOF
base_dir = $run/base
state_dir = $run/state
log_path = /dev/stderr
info_log_path = /dev/null
protocols = pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
login_trusted_networks = 127.0.0.0/8
auth_mechanisms = plain
# mail processes as the user chosen above, the rest as Debian's dovecot users
first_valid_uid = 0
first_valid_gid = 0
mail_uid = $user
mail_gid = $group
default_internal_user = $(id -u dovecot >/dev/null 2>&1 && echo dovecot || echo "$user")
default_login_user = $(id -u dovenull >/dev/null 2>&1 && echo dovenull || echo nobody)
passdb {
  driver = passwd-file
  args = scheme=PLAIN $run/passwd
}
userdb {
  driver = passwd-file
  args = $run/passwd
}
# tuned for load: cached logins, no flag writes into the mbox, no fsync, enough processes
auth_cache_size = 32M
auth_cache_ttl = 1 hour
pop3_no_flag_updates = yes
mbox_lazy_writes = yes
mbox_dirty_syncs = yes
mail_fsync = never
mail_max_userip_connections = 100000
default_process_limit = 20000
default_client_limit = 40000
default_vsz_limit = 1G
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $port
  }
  inet_listener pop3s {
    port = 0
  }
  # high-performance mode: long-lived login processes, one per core, each with many clients
  service_count = 0
  process_min_avail = $cores
  client_limit = 20000
}
service pop3 {
  # a pop3 process serves one client at a time; keep some ready and reuse them
  process_limit = 20000
  process_min_avail = $((cores * 2))
  service_count = 1000
}
service auth {
  client_limit = 40000
}
service anvil {
  client_limit = 40000
}
EOF

dovecot -F -c "$run/dovecot.conf" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid; rm -rf "$run"' TERM INT
wait $pid
