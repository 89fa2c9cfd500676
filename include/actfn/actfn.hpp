// actfn/actfn.hpp: all of actfn: sigmoid, tanh, relu, leaky_relu and gelu.
#pragma once

#include "gelu.hpp"
#include "leaky_relu.hpp"
#include "relu.hpp"
#include "sigmoid.hpp"
#include "tanh.hpp"
