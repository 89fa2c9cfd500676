// actfn/tier.hpp: the accuracy tiers, every functor's second template parameter.
#pragma once

#include <concepts>

namespace actfn {

/// The default tier: every value within 1 ULP (one of the two floats around the exact value),
/// every derivative within 2 ULP. float runs in float lanes (twice as many per register as
/// double) where the function has float-lane kernels and the target fuses multiply-adds, with
/// float-float pairs where the bound needs them; elsewhere it runs the precise kernels.
struct faithful {};

/// float computed in double lanes and rounded once: within 0.502 ULP on all 2^32 inputs
/// (nearly every one correctly rounded), at more instructions per element than faithful.
struct precise {};

/// An accuracy tier: actfn::faithful or actfn::precise. For double and long double both run the
/// same kernels (values ≤ 1 ULP, derivatives ≤ 2 ULP; measured ≤ 0.75 ULP for double).
/// `actfn::sigmoid<float, int>` fails here, with the concept's name in the diagnostic.
template <class A>
concept tier = std::same_as<A, faithful> || std::same_as<A, precise>;

}  // namespace actfn
