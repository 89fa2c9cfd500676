// actfn/detail/target/core.hpp: what every function's kernels build on, for one target (per
// target, no include guard: detail/core.hpp includes it once per target), in dependency order.
// clang-format off
#include "lanes.hpp"      // the lane types and operations
#include "exp.hpp"        // e^t for float and double results, in double lanes
#include "exp_float.hpp"  // e^-a and σ in float lanes (the faithful tier)
#include "exp_fast.hpp"   // e^-a in float or double lanes, no table (the fast tier)
#include "double_lanes.hpp"  // a float-lane kernel's call of a double-lane one (the fast tier)
#include "logistic.hpp"   // σ as hi + lo, for double results
#include "log1p.hpp"      // log(1 + u) on [0, 1], for float and double results
#include "loops.hpp"      // the span loops the dispatcher calls
// clang-format on
