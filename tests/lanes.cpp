// The lane type the library picked matches what the compiler targets, so that the suite, run
// per ISA in CI, tests the batch it claims to (and ACTFN_NO_SIMD really turns batches off).
#include <actfn/actfn.hpp>
#include <catch2/catch.hpp>
#include <type_traits>

TEST_CASE("the SIMD lanes follow the target and ACTFN_NO_SIMD", "[lanes]") {
#if defined(ACTFN_NO_SIMD)
  const int want = 0;
#elif defined(__AVX512F__)
  const int want = 512;
#elif defined(__AVX2__) && defined(__FMA__)
  const int want = 256;
#elif defined(__x86_64__)
  const int want = 128;
#else
  const int want = 0;
#endif
  CHECK(ACTFN_SIMD == want);
  CHECK(actfn::detail::width<actfn::detail::lanes_of<double>> == (want ? want / 64 : 1));
  CHECK(actfn::detail::width<actfn::detail::lanes_of<float>> == (want ? want / 32 : 1));
  // double runs its own kernels exactly where madd is fused (and not under -ffast-math)
  CHECK(std::is_same_v<actfn::detail::kernel_lane<double>, double> == (ACTFN_FUSED_MADD == 1));
  INFO("ACTFN_SIMD = " << ACTFN_SIMD);
  SUCCEED();
}
