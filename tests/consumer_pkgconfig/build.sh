#!/bin/sh
# Builds a program against an installed caqes the way a project without CMake would, from
# caqes.pc. The package.pkgconfig test runs it with PKG_CONFIG_PATH set to the installed
# tree's pkg-config directory. docs/install.md quotes the region between the [docs:...] lines.
#   build.sh <source.cpp> <program>    (CXX and CXXFLAGS as usual)
set -eu
source=$1
program=$2

# [docs:pkgconfig]
${CXX:-c++} -std=c++20 ${CXXFLAGS:-} $(pkg-config --cflags caqes) "$source" -o "$program"
# [docs:pkgconfig]
