#!/bin/sh
# Runs an unpacked image's process without a container runtime (none on the machines this
# project's tests run on): the root filesystem bind-mounted read-only, /dev and /proc from the
# host, then the process chrooted into it, in its working directory, as its user. Run it inside
# `unshare -m`, so the mounts vanish with the process. Used by image.test.ts; needs root.
#   unshare -m -- sh run-unpacked.sh <rootfs> <uid> <gid> <cwd> <program> [args...]
set -eu
root=$1 uid=$2 gid=$3 cwd=$4
shift 4
mount --bind "$root" "$root"
mount -o remount,bind,ro "$root"
mount --rbind /dev "$root/dev"
mount --rbind /proc "$root/proc"
exec unshare --root="$root" --wd="$cwd" --setgid="$gid" --setuid="$uid" -- "$@"
