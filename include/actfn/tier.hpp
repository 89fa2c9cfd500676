// actfn/tier.hpp: the accuracy tiers, every functor's second template parameter.
#pragma once

#include "detail/cxx20.hpp"  // first: before C++20, one error and a stop

#include <concepts>

namespace actfn {

/// The default tier: every value within 1 ULP (one of the two floats around the exact value),
/// every derivative within 2 ULP. float runs in float lanes (twice as many per register as
/// double) where the function has float-lane kernels and the target fuses multiply-adds, with
/// float-float pairs where the bound needs them; elsewhere it runs the precise kernels, and on
/// AVX-512 too, where 16 float lanes gain less than the pairs cost (precise measured 1.3-1.7x
/// faster there for sigmoid and tanh).
struct faithful {};

/// float computed in double lanes and rounded once: within 0.502 ULP on all 2^32 inputs
/// (nearly every one correctly rounded), at more instructions per element than faithful.
struct precise {};

/// Speed first, within a bound: every value and every derivative within 4 ULP, for float and
/// double alike, by kernels written for throughput (float in float lanes at every level, double
/// in double lanes; no table, pairs only where an argument's rounding is amplified). The edges
/// are every tier's: NaN propagates, the limits at ±inf, signed zeros, no overflow, relative
/// accuracy down to the subnormals. Kernels of its own: sigmoid and tanh (float and double),
/// GELU (float), SiLU's value (float and double); GELU-tanh's and SiLU's derivatives (whose
/// terms cancel towards a root, where lanes without pairs lose the bound) and double GELU run
/// faithful's. Every other function runs faithful's; 16-bit types and long double keep
/// precise's and faithful's results (16-bit: correctly rounded).
struct fast {};

/// An accuracy tier: actfn::faithful, actfn::precise or actfn::fast. For double and long double
/// faithful and precise run the same kernels (values ≤ 1 ULP, derivatives ≤ 2 ULP; measured
/// ≤ 0.75 ULP for double).
/// `actfn::sigmoid<float, int>` fails here, with the concept's name in the diagnostic.
template <class A>
concept tier = std::same_as<A, faithful> || std::same_as<A, precise> || std::same_as<A, fast>;

}  // namespace actfn
