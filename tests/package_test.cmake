# Drives the package tests (see tests/CMakeLists.txt):
#   STEP=install:  -DBUILD_DIR -DPREFIX
#   STEP=consumer: -DPREFIX -DSOURCE_DIR -DBINARY_DIR -DGENERATOR -DCXX_COMPILER
#                  -DBUILD_TYPE -DEXPECTED_VERSION
# Both steps start from empty directories so files left by an earlier run (a header
# since deleted, an old cache) cannot make a broken package look fine.

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    list(JOIN ARGV " " command_line)
    message(FATAL_ERROR "failed (${result}): ${command_line}")
  endif()
endfunction()

if(STEP STREQUAL "install")
  file(REMOVE_RECURSE "${PREFIX}")
  run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
elseif(STEP STREQUAL "consumer")
  file(REMOVE_RECURSE "${BINARY_DIR}")
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
      "-DCMAKE_PREFIX_PATH=${PREFIX}")
  run("${CMAKE_COMMAND}" --build "${BINARY_DIR}")
  execute_process(COMMAND "${BINARY_DIR}/consumer"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  message(STATUS "consumer output:\n${output}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "consumer exited with ${result}")
  endif()
  # The version the consumer sees comes from the installed header; it must match the
  # package version the build parsed from the same header.
  if(NOT output MATCHES "caqes ${EXPECTED_VERSION}")
    message(FATAL_ERROR "consumer did not print 'caqes ${EXPECTED_VERSION}'")
  endif()
else()
  message(FATAL_ERROR "package_test.cmake: STEP must be install or consumer, not '${STEP}'")
endif()
