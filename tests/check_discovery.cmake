# Fails when CTest discovered fewer unit tests than the executable holds. A test name with an
# unbalanced '[' or a ';' is read by CMake as list syntax and silently swallows the names
# after it, so those tests would never run while CTest reports success.
#
#   cmake -DEXE=<test executable> -DPREFIX=<its TEST_PREFIX> -DCTEST=<ctest> -DDIR=<build dir>
#         -P check_discovery.cmake
# Catch2 v2 exits with the number of tests listed, so the exit code is not an error here.
execute_process(COMMAND "${EXE}" --list-test-names-only OUTPUT_VARIABLE _names)
# Counted by line ends, not as a CMake list, which the same names would confuse.
string(REGEX REPLACE "[^\n]" "" _fins "${_names}")
string(LENGTH "${_fins}" _in_exe)
if(_in_exe EQUAL 0)
  message(FATAL_ERROR "${EXE} --list-test-names-only listed no test")
endif()
string(REPLACE "." "\\." _motif "${PREFIX}")
execute_process(COMMAND "${CTEST}" --test-dir "${DIR}" -N -R "^${_motif}" OUTPUT_VARIABLE _listed)
string(REGEX MATCH "Total Tests: ([0-9]+)" _ "${_listed}")
set(_in_ctest "${CMAKE_MATCH_1}")
if(NOT _in_exe EQUAL _in_ctest)
  message(FATAL_ERROR "${EXE} holds ${_in_exe} test cases but CTest discovered ${_in_ctest}: "
                      "a test name probably contains '[' or ';'")
endif()
message(STATUS "all ${_in_exe} unit test cases are discovered")
