# The reference precision of the tests and the accuracy tool: __float128 from GCC's
# libquadmath, which Clang reads too. Sets ACTFN_QUADMATH_INCLUDE and ACTFN_QUADMATH_LIBRARY.
include_guard(GLOBAL)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  # AArch64 Linux: long double is IEEE binary128, the reference type (tests/reference.hpp).
  set(ACTFN_QUADMATH_INCLUDE "")
  set(ACTFN_QUADMATH_LIBRARY "")
  return()
endif()
file(GLOB gcc_dirs /usr/lib/gcc/*/*)
find_path(ACTFN_QUADMATH_HEADER_DIR quadmath.h HINTS ${CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES}
          PATHS ${gcc_dirs} PATH_SUFFIXES include)
find_library(ACTFN_QUADMATH_LIBRARY NAMES quadmath libquadmath.so.0 PATHS ${gcc_dirs})
if(NOT ACTFN_QUADMATH_HEADER_DIR OR NOT ACTFN_QUADMATH_LIBRARY)
  message(FATAL_ERROR "actfn's tests need libquadmath (Debian: apt-get install gcc)")
endif()
# Only quadmath's two headers, copied: GCC's include folder also holds GCC's own intrinsics
# headers, which would shadow Clang's.
foreach(header quadmath.h quadmath_weak.h)
  configure_file(${ACTFN_QUADMATH_HEADER_DIR}/${header} ${PROJECT_BINARY_DIR}/quadmath/${header}
                 COPYONLY)
endforeach()
set(ACTFN_QUADMATH_INCLUDE ${PROJECT_BINARY_DIR}/quadmath)
