#!/usr/bin/env bash
# Makes headless Chromium and its chromedriver available for the wall's browser tests (WallBrowserTest):
# uses /usr/bin/chromium and /usr/bin/chromedriver if present, else installs Debian's packages (root, apt).
# Idempotent; nothing else is downloaded (the tests point Selenium at these paths, Selenium Manager never runs).
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "[browser] chromium and chromedriver present"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
    echo "[browser] chromium/chromedriver missing; install Debian's chromium and chromium-driver (needs root and apt-get)" >&2
    exit 1
fi
echo "[browser] installing chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium chromium-driver fonts-dejavu-core >/dev/null
echo "[browser] ready: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
