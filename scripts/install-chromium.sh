#!/usr/bin/env bash
# Installs Debian's chromium, which @horn/backend-gpu's tests drive headless (vitest browser mode,
# WebGL2 and WebGPU in SwiftShader). No browser is ever downloaded by npm. Does nothing when
# chromium is already there (or HORN_CHROMIUM points at one).
set -euo pipefail
browser="${HORN_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "install-chromium: $browser is missing and apt-get is not available; install Chromium and set HORN_CHROMIUM to its path" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
"$browser" --version
