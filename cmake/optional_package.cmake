# actfn_package_loads(NAME RESULT [VERSION]): sets RESULT to whether find_package(NAME) succeeds,
# tried in a throwaway configure first. A broken package config must never take actfn's own
# configure down: Debian's dnnl-config.cmake requires OpenCL, which `apt-get install
# --no-install-recommends libdnnl-dev` leaves out, and find_package(dnnl QUIET) then fails hard.
include_guard(GLOBAL)
function(actfn_package_loads name result)
  set(dir ${CMAKE_BINARY_DIR}/package-probes/${name})
  file(WRITE ${dir}/CMakeLists.txt
       "cmake_minimum_required(VERSION 3.25)\nproject(probe LANGUAGES CXX)\n"
       "find_package(${name} ${ARGN} REQUIRED)\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${dir} -B ${dir}/build
                          -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
                          "-DCMAKE_PREFIX_PATH=${CMAKE_PREFIX_PATH}"
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(rc EQUAL 0)
    set(${result} TRUE PARENT_SCOPE)
  else()
    set(${result} FALSE PARENT_SCOPE)
  endif()
endfunction()
