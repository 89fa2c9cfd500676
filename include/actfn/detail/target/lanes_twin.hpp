// actfn/detail/target/lanes_twin.hpp: twin<L>, two batches of L that every lane operation
// applies to side by side, the lane type of the span loops (per target, no include guard).
//
// Why: a kernel is one long chain of dependent operations (an exp, a division, a correction),
// and GCC schedules a basic block's two independent chains one after the other (it does not run
// its instruction scheduler before register allocation on x86). The out-of-order core then sees
// the second chain only once the first one's operations have left its scheduler, so the loop ran
// at the chains' latency. Interleaved operation by operation, the two chains overlap in the
// core: measured 1.2-1.45x on the transcendental kernels (Zen 3, AVX2 and SSE2), for the same
// instructions and bits.

namespace actfn::detail::ACTFN_TARGET {

template <class L>
struct twin_mask {
  typename batch<L>::mask a, b;  // (not a template argument: vector types lose attributes there)
};

template <class L>
struct twin {
  using half = batch<L>;
  static constexpr std::size_t size = 2 * half::size;
  half a, b;

  twin(half x, half y) noexcept : a(x), b(y) {}
  twin(L s) noexcept : a(s), b(s) {}
  template <class T>
  static twin load(const T* p) noexcept {
    return {half::load(p), half::load(p + half::size)};
  }
  template <class T>
  void store(T* p) const noexcept {
    a.store(p);
    b.store(p + half::size);
  }
};

// The operations, each on both halves (found by argument-dependent lookup, as the halves' own).
template <class L>
ACTFN_INLINE twin<L> operator+(const twin<L>& x, const twin<L>& y) noexcept {
  return {x.a + y.a, x.b + y.b};
}
template <class L>
ACTFN_INLINE twin<L> operator-(const twin<L>& x, const twin<L>& y) noexcept {
  return {x.a - y.a, x.b - y.b};
}
template <class L>
ACTFN_INLINE twin<L> operator*(const twin<L>& x, const twin<L>& y) noexcept {
  return {x.a * y.a, x.b * y.b};
}
template <class L>
ACTFN_INLINE twin<L> operator-(const twin<L>& x) noexcept {
  return {-x.a, -x.b};
}
template <class L>
ACTFN_INLINE twin_mask<L> operator<(const twin<L>& x, const twin<L>& y) noexcept {
  return twin_mask<L>{x.a < y.a, x.b < y.b};
}
template <class L>
ACTFN_INLINE twin_mask<L> operator>(const twin<L>& x, const twin<L>& y) noexcept {
  return twin_mask<L>{x.a > y.a, x.b > y.b};
}
template <class L>
ACTFN_INLINE twin_mask<L> operator<=(const twin<L>& x, const twin<L>& y) noexcept {
  return twin_mask<L>{x.a <= y.a, x.b <= y.b};
}
template <class L>
ACTFN_INLINE twin<L> select(const twin_mask<L>& m, const twin<L>& x, const twin<L>& y) noexcept {
  return {select(m.a, x.a, y.a), select(m.b, x.b, y.b)};
}
// The named operations of one, two or three lanes, each half by its own.
#define ACTFN_TWIN_UNARY(f)                           \
  template <class L>                                  \
  ACTFN_INLINE twin<L> f(const twin<L>& x) noexcept { \
    return {f(x.a), f(x.b)};                          \
  }
#define ACTFN_TWIN_BINARY(f)                                            \
  template <class L>                                                    \
  ACTFN_INLINE twin<L> f(const twin<L>& x, const twin<L>& y) noexcept { \
    return {f(x.a, y.a), f(x.b, y.b)};                                  \
  }
#define ACTFN_TWIN_TERNARY(f)                                                             \
  template <class L>                                                                      \
  ACTFN_INLINE twin<L> f(const twin<L>& x, const twin<L>& y, const twin<L>& z) noexcept { \
    return {f(x.a, y.a, z.a), f(x.b, y.b, z.b)};                                          \
  }
ACTFN_TWIN_TERNARY(madd)
ACTFN_TWIN_TERNARY(choose_by_sign)
ACTFN_TWIN_BINARY(min_of)
ACTFN_TWIN_BINARY(max_of)
ACTFN_TWIN_BINARY(with_sign_of)
ACTFN_TWIN_BINARY(quotient)
ACTFN_TWIN_BINARY(step)
ACTFN_TWIN_UNARY(magnitude)
ACTFN_TWIN_UNARY(binade)
ACTFN_TWIN_UNARY(recip)
ACTFN_TWIN_UNARY(exponent_field)
ACTFN_TWIN_UNARY(sign01)
ACTFN_TWIN_UNARY(narrow_round)
ACTFN_TWIN_UNARY(high26)
#undef ACTFN_TWIN_UNARY
#undef ACTFN_TWIN_BINARY
#undef ACTFN_TWIN_TERNARY
template <class L>
ACTFN_INLINE twin<L> lookup(const double (&table)[64], const twin<L>& y) noexcept {
  return {lookup(table, y.a), lookup(table, y.b)};
}
template <class L>
ACTFN_INLINE twin<L> lookup(const float (&table)[8], const twin<L>& y) noexcept {
  return {lookup(table, y.a), lookup(table, y.b)};
}
template <class L>
ACTFN_INLINE twin<L> low_bits(const twin<L>& y, std::uint64_t mask) noexcept {
  return {low_bits(y.a, mask), low_bits(y.b, mask)};
}

}  // namespace actfn::detail::ACTFN_TARGET
