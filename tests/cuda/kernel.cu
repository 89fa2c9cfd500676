// Every function of actfn's list (ACTFN_FUNCTIONS): its scalar value and derivative, called from
// device code (a functor with parameters is built on the host, where they are checked and may
// throw, and passed to the kernel: here, the default ones). Built by nvcc where the CUDA
// toolkit is installed (tests/check_cuda.sh); run where a GPU is present.
#include <actfn/actfn.hpp>
#include <cmath>
#include <cstdio>

// f(x) and f'(x) of every function: k_outputs values, on host or device.
#define COUNT_OUTPUTS(F, kernels, arguments, ...) +2
constexpr int k_outputs = 0 ACTFN_FUNCTIONS(COUNT_OUTPUTS);
#define EVALUATE(F, kernels, arguments, ...) \
  {                                          \
    const actfn::F<T> f{};                   \
    o[k++] = f(x), o[k++] = f.derivative(x); \
  }
template <class T>
__host__ __device__ void evaluate_all(T x, T* o) {
  int k = 0;
  ACTFN_FUNCTIONS(EVALUATE)
}

template <class T>
__global__ void evaluate(const T* x, T* out, int n) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) evaluate_all(x[i], out + k_outputs * i);
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
  cudaMalloc(&dout, sizeof(T) * k_outputs * n);
  cudaMemcpy(dx, x, sizeof x, cudaMemcpyHostToDevice);
  evaluate<<<1, n>>>(dx, dout, n);
  T out[k_outputs * n];
  cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(dout);
  int bad = 0;
  for (int i = 0; i < n; ++i) {
    T host[k_outputs];
    evaluate_all(x[i], host);
    for (int k = 0; k < k_outputs; ++k) {
      const T tol = 8 * std::numeric_limits<T>::epsilon() * (std::fabs(host[k]) + T(1e-6));
      if (!(std::fabs(out[k_outputs * i + k] - host[k]) <= tol)) {
        if (++bad < 10)
          std::printf("%s: x = %g, k = %d: device %g, host %g\n", type, double(x[i]), k,
                      double(out[k_outputs * i + k]), double(host[k]));
      }
    }
  }
  std::printf("%s: %d of %d device values off\n", type, bad, k_outputs * n);
  return bad;
}

int main() { return check<float>("float") + check<double>("double") != 0; }
