#pragma once
// The single source of the toolkit's version: CMake parses these three lines to set the
// project version, so the installed package and the header can never disagree.
#define CAQES_VERSION_MAJOR 0
#define CAQES_VERSION_MINOR 1
#define CAQES_VERSION_PATCH 0

// One integer for preprocessor comparisons: MAJOR * 10000 + MINOR * 100 + PATCH.
#define CAQES_VERSION (CAQES_VERSION_MAJOR * 10000 + CAQES_VERSION_MINOR * 100 + CAQES_VERSION_PATCH)
