// All five functions' scalar value and derivative, called from device code. Built by nvcc
// where the CUDA toolkit is installed (tests/check_cuda.sh); run where a GPU is present.
#include <actfn/actfn.hpp>
#include <cmath>
#include <cstdio>

// f(x) and f'(x) of all five functions (GELU in both forms): 12 values, on host or device.
template <class T>
__host__ __device__ void evaluate_all(T x, T* o) {
  const actfn::sigmoid<T> s;
  const actfn::tanh<T> t;
  const actfn::relu<T> r;
  const actfn::leaky_relu<T> l;
  const actfn::gelu<T> g;
  const actfn::gelu<T> gt(actfn::gelu_approximation::tanh);
  o[0] = s(x), o[1] = s.derivative(x);
  o[2] = t(x), o[3] = t.derivative(x);
  o[4] = r(x), o[5] = r.derivative(x);
  o[6] = l(x), o[7] = l.derivative(x);
  o[8] = g(x), o[9] = g.derivative(x);
  o[10] = gt(x), o[11] = gt.derivative(x);
}

template <class T>
__global__ void evaluate(const T* x, T* out, int n) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) evaluate_all(x[i], out + 12 * i);
}

// Device results against the host's: the same formulas with the GPU's libm, within a few
// ULP (CUDA documents its exp, erfc and tanh to 1–5 ULP).
template <class T>
int check(const char* type) {
  constexpr int n = 64;
  T x[n];
  for (int i = 0; i < n; ++i) x[i] = T(-8) + T(0.25) * T(i) + T(0.01);
  T *dx, *dout;
  if (cudaMalloc(&dx, sizeof x) != cudaSuccess) {
    std::puts("no usable GPU: compiled only");
    return 0;
  }
  cudaMalloc(&dout, sizeof(T) * 12 * n);
  cudaMemcpy(dx, x, sizeof x, cudaMemcpyHostToDevice);
  evaluate<<<1, n>>>(dx, dout, n);
  T out[12 * n];
  cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(dout);
  int bad = 0;
  for (int i = 0; i < n; ++i) {
    T host[12];
    evaluate_all(x[i], host);
    for (int k = 0; k < 12; ++k) {
      const T tol = 8 * std::numeric_limits<T>::epsilon() * (std::fabs(host[k]) + T(1e-6));
      if (!(std::fabs(out[12 * i + k] - host[k]) <= tol)) {
        if (++bad < 10)
          std::printf("%s: x = %g, k = %d: device %g, host %g\n", type, double(x[i]), k,
                      double(out[12 * i + k]), double(host[k]));
      }
    }
  }
  std::printf("%s: %d of %d device values off\n", type, bad, 12 * n);
  return bad;
}

int main() { return check<float>("float") + check<double>("double") != 0; }
