#!/usr/bin/env bash
# Make sure the system tools used by the integration tests are installed.
#
#   scripts/ensure-system-deps.sh [dovecot|isync|chromium|xmllint|systemd-analyze ...]   (default: all five)
#
# Quiet when everything is present. When something is missing:
#   - as root: one `apt-get update`, then `apt-get install -y --no-install-recommends` of what is missing.
#     No system service is started (a temporary policy-rc.d forbids it if none exists).
#   - otherwise: print what to install and exit 1.
# systemd-analyze comes with the `systemd` package. Installing it in a container is safe: systemd is
# not PID 1 there, so its maintainer scripts start nothing (and policy-rc.d forbids service starts).
set -euo pipefail

if [[ $# -eq 0 ]]; then
  set -- dovecot isync chromium xmllint systemd-analyze
fi

# Is the tool already there?
present() {
  case "$1" in
    dovecot) command -v dovecot >/dev/null 2>&1 || [[ -x /usr/sbin/dovecot ]] ;;
    isync) command -v mbsync >/dev/null 2>&1 ;;
    chromium) [[ -x /usr/bin/chromium ]] ;;
    xmllint) command -v xmllint >/dev/null 2>&1 ;;
    systemd-analyze) command -v systemd-analyze >/dev/null 2>&1 ;;
  esac
}

# Debian packages that provide the tool.
packages_for() {
  case "$1" in
    dovecot) echo "dovecot-imapd dovecot-lmtpd" ;;
    isync) echo "isync" ;;
    chromium) echo "chromium" ;;
    xmllint) echo "libxml2-utils" ;;
    systemd-analyze) echo "systemd" ;;
  esac
}

missing=()
for tool in "$@"; do
  case "$tool" in
    dovecot | isync | chromium | xmllint | systemd-analyze) ;;
    *)
      echo "ensure-system-deps: unknown tool '$tool' (expected dovecot, isync, chromium, xmllint or systemd-analyze)" >&2
      exit 2
      ;;
  esac
  if ! present "$tool"; then
    # shellcheck disable=SC2207 # word splitting of the package list is intended
    missing+=($(packages_for "$tool"))
  fi
done

[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "ensure-system-deps: missing system packages; install them as root with: apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

# Forbid service starts during the install (invoke-rc.d consults policy-rc.d; 101 = "action forbidden").
# Only create the file if there is none, and only remove the one we created.
policy=/usr/sbin/policy-rc.d
created_policy=0
cleanup() {
  if [[ $created_policy -eq 1 ]]; then rm -f "$policy"; fi
}
trap cleanup EXIT
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\n# temporary, from ensure-system-deps.sh: start no services\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  created_policy=1
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-system-deps: installing ${missing[*]}" >&2
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

# Double-check: the packages must have provided what we looked for.
for tool in "$@"; do
  if ! present "$tool"; then
    echo "ensure-system-deps: '$tool' is still missing after installing ${missing[*]}" >&2
    exit 1
  fi
done
