// actfn/detail/cxx20.hpp: the first include of every public header. Before C++20, one error
// that says what to do, and the compilation stops there (the include of a file that does not
// exist is fatal), instead of hundreds of errors from the headers that follow.
#pragma once

#if (defined(_MSVC_LANG) ? _MSVC_LANG : __cplusplus) < 202002L
#error "actfn needs C++20: compile with -std=c++20 (GCC, Clang) or /std:c++20 (MSVC)"
#include "actfn stops here: it needs C++20"
#endif
