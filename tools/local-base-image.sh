#!/usr/bin/env bash
# Build a local stand-in for python:3.11-slim when no registry for base images is reachable:
# a minimal Debian bookworm (its python3 is 3.11) made with debootstrap from Debian's own packages,
# imported into the local Docker daemon. Needs root, debootstrap and a Docker daemon.
#
#   tools/local-base-image.sh [TAG]          (default TAG: briefbot-base:bookworm)
#   make image-test BASE_IMAGE=briefbot-base:bookworm
set -euo pipefail
tag="${1:-briefbot-base:bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
command -v debootstrap >/dev/null || { echo "local-base-image: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
rootfs="$(mktemp -d /tmp/briefbot-base.XXXXXX)"
chmod 755 "$rootfs"  # it becomes the image's /: mktemp's 0700 would lock the non-root user out of everything
trap 'rm -rf "$rootfs"' EXIT
echo "local-base-image: debootstrap bookworm into $rootfs (from $mirror)"
debootstrap --variant=minbase --include=python3,python3-venv,passwd,ca-certificates bookworm "$rootfs" "$mirror" >/dev/null
# python:3.11-slim has `python` on PATH; the Dockerfile's build stage calls it by that name.
ln -sf /usr/bin/python3 "$rootfs/usr/local/bin/python"
# CAs this host added itself (a TLS-inspecting proxy's, for one) are trusted in the base too, so
# the build stage's pip reaches PyPI the way the host does. PIP_CERT points pip at that bundle.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
    chroot "$rootfs" update-ca-certificates >/dev/null
fi
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 PIP_CERT=/etc/ssl/certs/ca-certificates.crt' \
    --change 'CMD ["python3"]' - "$tag" >/dev/null
echo "local-base-image: built $tag ($(docker run --rm "$tag" python --version))"
