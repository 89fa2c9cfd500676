// actfn/function_list.hpp: the one list of actfn's functions (an X-macro, as LLVM's .def files).
// Everything that runs "every function" expands it: the explicit instantiations of the span
// loops (detail/kernel_instances.hpp), the tests of spans, tiers, constant evaluation, extern
// kernels, 16-bit types, fuzzing and CUDA, the benchmark rows and the accuracy tool. Adding a
// function: its public header, its kernel file, its test file, one line here (CONTRIBUTING.md).
#pragma once

/// ACTFN_FUNCTIONS(X, ...) calls X(function, kernels, arguments, ...) for every functor
/// template actfn::function<T, Tier>, in the order of the README's table:
///   kernels    per_tier: each tier has kernels of its own (its kernel_tag depends on the tier);
///              fast_own: the fast tier has kernels of its own, faithful and precise share one set;
///              shared: every tier runs the same kernels, and the same compiled span loops
///   arguments  a parenthesized constructor argument list that tests and benchmarks run
///              besides the default instance, in P, the caller's parameter type
///              (actfn::parameter_t<T>); () when the function has no parameters
///   ...        whatever the caller passes on, unchanged (a level, a type)
/// tests/tiers.cpp checks the kernels column against each functor's kernel_tag.
#define ACTFN_FUNCTIONS(X, ...)                                       \
  X(sigmoid, per_tier, (), __VA_ARGS__)                               \
  X(tanh, per_tier, (), __VA_ARGS__)                                  \
  X(relu, shared, (), __VA_ARGS__)                                    \
  X(leaky_relu, shared, (P(0.3)), __VA_ARGS__)                        \
  X(gelu, fast_own, (actfn::gelu_approximation::tanh), __VA_ARGS__)   \
  X(silu, fast_own, (P(1.702)), __VA_ARGS__)                          \
  X(softplus, shared, (P(2)), __VA_ARGS__)                            \
  X(log_sigmoid, shared, (), __VA_ARGS__)                             \
  X(elu, shared, (P(0.5)), __VA_ARGS__)                               \
  X(selu, shared, (), __VA_ARGS__)                                    \
  X(celu, shared, (P(0.7)), __VA_ARGS__)                              \
  X(mish, shared, (), __VA_ARGS__)                                    \
  X(hardsigmoid, shared, (), __VA_ARGS__)                             \
  X(hardswish, shared, (), __VA_ARGS__)                               \
  X(hardtanh, shared, (P(-0.5), P(2)), __VA_ARGS__)                   \
  X(relu6, shared, (), __VA_ARGS__)                                   \
  X(softsign, shared, (), __VA_ARGS__)                                \
  X(squared_relu, shared, (), __VA_ARGS__)                            \
  X(quick_gelu, fast_own, (), __VA_ARGS__)
