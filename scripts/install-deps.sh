#!/usr/bin/env bash
# Installs the Debian packages that building and testing caqes needs. Only missing
# packages are installed, so a prepared machine needs neither the network nor root.
set -euo pipefail

packages=(
  cmake ninja-build g++ clang python3
  libboost-dev nlohmann-json3-dev
  catch2 libbenchmark-dev libbenchmark-tools pkgconf
  libcli11-dev python3-jsonschema libclang-rt-14-dev
  clang-format
  libpqxx-dev postgresql
)

missing=()
for package in "${packages[@]}"; do
  # dpkg -s also succeeds for removed packages whose config files remain.
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [ "$status" != "install ok installed" ]; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
