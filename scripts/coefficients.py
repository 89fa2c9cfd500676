#!/usr/bin/env python3
"""Prints the polynomial coefficients of include/actfn/detail/float_kernels.hpp and
double_kernels.hpp, and the
relative error each set achieves once rounded to double (measured on a dense grid in 50-digit
arithmetic). Needs python3-mpmath (Debian package). Run: python3 scripts/coefficients.py

Each set is a Chebyshev fit (mpmath.chebyfit), a near-minimax polynomial: within a small
factor of the best, which the degree's margin covers."""
import mpmath as mp
import struct

mp.mp.dps = 50


def horner(coeffs, x):
    p = mp.mpf(0)
    for c in coeffs:
        p = p * x + c
    return p


def fit(name, f, lo, hi, degree, error_of, grid=3000):
    coeffs = [float(c) for c in mp.chebyfit(f, [lo, hi], degree + 1)]
    worst = max(error_of(coeffs, lo + (hi - lo) * mp.mpf(i) / grid) for i in range(grid + 1))
    print(f"// {name}: degree {degree} on [{float(lo):.6g}, {float(hi):.6g}], "
          f"max relative error 2^{float(mp.log(worst, 2)):.1f}")
    print("{" + ", ".join(c.hex() for c in coeffs) + "}")
    print()


# ln 2 = hi + lo with hi on 42 bits, so k·hi is exact for |k| < 2^11 without an FMA.
ln2 = mp.log(2)
hi = mp.floor(ln2 * 2**42) / 2**42
print(f"// ln2 hi (42 bits) {float(hi).hex()}, lo {float(ln2 - hi).hex()}\n")

# e^r - 1 = r·Q(r) on |r| ≤ ln2/2 (a little beyond, for the rounding of k): float results.
reach = mp.log(2) / 2 * mp.mpf(1.0001)
Q = lambda r: mp.expm1(r) / r if r != 0 else mp.mpf(1)


def expm1_error(c, r):
    if r == 0:
        return mp.mpf(0)
    q = horner(c, r) * r
    return max(abs(q / mp.expm1(r) - 1), abs((1 + q) / mp.exp(r) - 1))


fit("expm1 for float results", Q, -reach, reach, 7, expm1_error)

# erfc(a) = e^-a² · P(t) / (1 + 2a), t = (a - 3)/(a + 3), on a in [0, 10.5]: past 10.5,
# |x|·φ(x) < 2^-150 at x = -a√2, so every float result that uses it is 0 (or the limit 1).
K, A = mp.mpf(3), mp.mpf(10.5)
a_of = lambda t: K * (1 + t) / (1 - t)
P = lambda t: mp.erfc(a_of(t)) * mp.exp(a_of(t) ** 2) * (1 + 2 * a_of(t))
fit("erfc for float results", P, mp.mpf(-1), (A - K) / (A + K), 13,
    lambda c, t: abs(horner(c, t) / P(t) - 1))

# e^r = 1 + r + r²/2 + r³·P(r) on |r| ≤ ln2/2: double results, where 1 + r + r²/2 is kept
# exact (as hi + lo) and P's rounding is scaled down by |r³| ≤ 0.042.
P3 = lambda r: (mp.expm1(r) - r - r * r / 2) / r**3 if r != 0 else mp.mpf(1) / 6
fit("exp for double results", P3, -reach, reach, 9,
    lambda c, r: abs((1 + r + r * r / 2 + r**3 * horner(c, r)) / mp.exp(r) - 1))

# Without an FMA (SSE2): e^t = 2^k · 2^(j/64) · e^r, |r| ≤ ln2/128, for double results.
# 2^(j/64) = hi + lo, hi truncated to 26 significant bits, so that its products with other 26-bit
# factors are exact; e^r = 1 + r + r²·Q(r), whose roundings are scaled by r² ≤ 3e-5.
c64 = mp.log(2) / 64
c64_hi = mp.floor(c64 * 2**42) / 2**42  # j·hi exact for |j| < 2^17 (|t| ≤ 800)
print(f"// ln2/64 hi (36 bits) {float(c64_hi).hex()}, lo {float(c64 - c64_hi).hex()}\n")
hi26, lo26 = [], []
for j in range(64):
    v = mp.mpf(2) ** (mp.mpf(j) / 64)
    e = mp.floor(mp.log(v, 2))
    h = mp.floor(v * 2 ** (25 - e)) / 2 ** (25 - e)
    hi26.append(float(h))
    lo26.append(float(v - h))
print("// 2^(j/64), hi (26 bits)")
print("{" + ", ".join(x.hex() for x in hi26) + "}")
print("// 2^(j/64), lo")
print("{" + ", ".join(x.hex() for x in lo26) + "}\n")
reach64 = mp.log(2) / 128 * mp.mpf(1.0001)
Q64 = lambda r: (mp.expm1(r) - r) / r**2 if r != 0 else mp.mpf(1) / 2
fit("exp for double results without an FMA", Q64, -reach64, reach64, 4,
    lambda c, r: abs((1 + r + r * r * horner(c, r)) / mp.exp(r) - 1))

# Exact GELU, double results: erfc(a) = e^-a²·erfcx(a), erfcx(a) = H(u)·c, c = C1/(a + K) (so
# that u = C0 - c maps a in [0, 27.5] onto [-1, 1]: t = (a - K)/(a + K), u = (t - mid)/half),
# H = erfcx(a)·(a + K)/C1. Degree 24; the last 6 Horner steps run in double-double with hi + lo
# coefficients, since the low-order coefficients are large against H.
K, A = mp.mpf(3.5), mp.mpf(27.5)
t_hi = (A - K) / (A + K)
mid, half = (t_hi - 1) / 2, (t_hi + 1) / 2
C0, C1 = (1 - mid) / half, 2 * K / half


def H_of_u(u):
    t = mid + half * u
    a = K * (1 + t) / (1 - t)
    return mp.erfc(a) * mp.exp(a * a) * (a + K) / C1


def dd(v):
    hi = float(v)
    return hi, float(v - hi)


cs = mp.chebyfit(H_of_u, [-1, 1], 25)
print(f"// exact GELU, double: C0 = {dd(C0)[0].hex()} + {dd(C0)[1].hex()}, "
      f"C1 = {dd(C1)[0].hex()} + {dd(C1)[1].hex()}")
worst = mp.mpf(0)
for i in range(2001):
    u = -1 + 2 * mp.mpf(i) / 2000
    p = mp.mpf(0)
    for k, c in enumerate(cs):
        p = p * u + (mp.mpf(dd(c)[0]) + mp.mpf(dd(c)[1]) if k >= 19 else mp.mpf(float(c)))
    worst = max(worst, abs(p / H_of_u(u) - 1))
print(f"// erfcx(a)·(a + K)/C1 in u: degree 24, max relative error 2^{float(mp.log(worst, 2)):.1f}")
print("// u^24 .. u^6: {" + ", ".join(float(c).hex() for c in cs[:19]) + "}")
print("// u^5 .. u^0, hi: {" + ", ".join(dd(c)[0].hex() for c in cs[19:]) + "}")
print("// u^5 .. u^0, lo: {" + ", ".join(dd(c)[1].hex() for c in cs[19:]) + "}")
print(f"// 1/sqrt(pi) = {dd(1 / mp.sqrt(mp.pi))[0].hex()} + {dd(1 / mp.sqrt(mp.pi))[1].hex()}, "
      f"1/sqrt(2) = {dd(1 / mp.sqrt(2))[0].hex()} + {dd(1 / mp.sqrt(2))[1].hex()}")

# log1p for double results (target/log1p.hpp): log(1 + v) = 2s + s³·Q(s²), s = v/(2 + v), for v
# in [√2/2 - 1, √2 - 1] (z = s² ≤ 0.0295, a margin past it): s³·Q is at most 1% of the result,
# so Q's rounding is scaled down by 2^-6.6.
zmax = ((mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)) ** 2 * mp.mpf(1.01)
Qz = lambda z: 2 * (mp.atanh(mp.sqrt(z)) / mp.sqrt(z) - 1) / z if z != 0 else mp.mpf(2) / 3
fit("log1p for double results", Qz, mp.mpf(0), zmax, 7,
    lambda c, z: abs(horner(c, z) / Qz(z) - 1))

# The fast tier (target/exp_fast.hpp): e^r - 1 = r + r²·P(r) on |r| ≤ ln2/2, P's coefficients
# rounded to the lane type (float: degree 4, double: degree 10). The error printed is of
# r + r²·P against e^r - 1, relative to e^r - 1 (at most that relative to e^r).
P2 = lambda r: (mp.expm1(r) - r) / r**2 if r != 0 else mp.mpf(1) / 2
for lane, degree, rnd in (("float", 4, lambda c: struct.unpack("f", struct.pack("f", float(c)))[0]), ("double", 10, float)):
    cs = [rnd(c) for c in mp.chebyfit(P2, [-reach, reach], degree + 1)]
    worst = mp.mpf(0)
    for i in range(3001):
        r = -reach + 2 * reach * mp.mpf(i) / 3000
        if r != 0:
            worst = max(worst, abs((r + r * r * horner(cs, r)) / mp.expm1(r) - 1))
    print(f"// fast tier, {lane}: e^r - 1 = r + r²·P(r), P of degree {degree}, "
          f"max relative error 2^{float(mp.log(worst, 2)):.1f}")
    hexes = [c.hex() for c in cs]
    if lane == "float":  # 24 bits: the hex digits past the sixth are zero
        hexes = [h.replace("0000000p", "p") + "f" for h in hexes]
    print("{" + ", ".join(hexes) + "}")
    print()

# The fast tier's float GELU (kernels/gelu.hpp), every coefficient rounded to float; the error
# printed is that of the float-rounded coefficients in exact arithmetic.
f32 = lambda c: struct.unpack("f", struct.pack("f", float(c)))[0]
f32hex = lambda c: f32(c).hex().replace("0000000p", "p") + "f"


def fit_f32(name, f, lo, hi, degree, shift=0):
    cs = [f32(c) for c in mp.chebyfit(lambda u: f(u + shift), [lo - shift, hi - shift], degree + 1)]
    worst = max(abs(horner(cs, u - shift) / f(u) - 1)
                for u in (lo + (hi - lo) * mp.mpf(i) / 3000 for i in range(3001)))
    print(f"// {name}: degree {degree}, max relative error 2^{float(mp.log(worst, 2)):.1f}")
    print("{" + ", ".join(f32hex(c) for c in cs) + "}")
    print()


# Exact GELU: with y = |x|, R(y) = Φ(-y)/φ(y) (Mills's ratio) and M(y) = R(y) - y, so that
# Φ(-y) = φ(y)·R(y) and GELU'(∓y) = ±φ(y)·M(y) (+ 1 for x > 0). Both in t = (y - 4)/(y + 4),
# which maps y in [0, 16] (x's clamp) into [-1, 0.6]: R(y)·(y + 4)/√(2π), and M(y)/(y0 - y)/√(2π),
# M's root y0 = 0.7518 taken out, so that GELU' keeps its relative accuracy through its root.
Ry = lambda y: mp.erfc(y / mp.sqrt(2)) * mp.exp(y * y / 2) * mp.sqrt(mp.pi / 2)
y0 = mp.findroot(lambda y: Ry(y) - y, 0.75)
print(f"// GELU' root: y0 = {f32hex(y0)} + {f32hex(y0 - mp.mpf(f32(y0)))}")
Ny = lambda y: (Ry(y) - y) / (y0 - y) if abs(y - y0) > mp.mpf(10)**-20 else 2 - y0 * y0
y_of = lambda t: 4 * (1 + t) / (1 - t)
fit_f32("fast GELU, R(y)(y + 4)/√(2π) in t", lambda t: Ry(y_of(t)) * (y_of(t) + 4) / mp.sqrt(2 * mp.pi),
        mp.mpf(-1), mp.mpf(12) / 20, 10)
fit_f32("fast GELU', M(y)/(y0 - y)/√(2π) in t", lambda t: Ny(y_of(t)) / mp.sqrt(2 * mp.pi),
        mp.mpf(-1), mp.mpf(12) / 20, 9)
