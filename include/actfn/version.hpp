// actfn/version.hpp: the version of actfn, the one place it is written (CMake's project(), the
// package version file and pkg-config read it from here). CHANGELOG.md says what each one holds.
#pragma once

#define ACTFN_VERSION_MAJOR 0
#define ACTFN_VERSION_MINOR 2
#define ACTFN_VERSION_PATCH 0
/// "MAJOR.MINOR.PATCH"
#define ACTFN_VERSION_STRING "0.2.0"
/// MAJOR·10000 + MINOR·100 + PATCH, for #if: ACTFN_VERSION >= 200 (0.2.0 or later)
#define ACTFN_VERSION \
  (ACTFN_VERSION_MAJOR * 10000 + ACTFN_VERSION_MINOR * 100 + ACTFN_VERSION_PATCH)
