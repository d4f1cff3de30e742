# cmake -DPROGRAM=<exe> -DEXPECTED=<file> -DACTUAL=<file> [-DEXPECTED_EXIT=<n>] -P run_and_compare.cmake
# Runs PROGRAM and fails unless it exits with EXPECTED_EXIT (0 by default) and its standard
# output equals EXPECTED exactly. The output is kept in ACTUAL so a mismatch can be
# inspected or diffed. A crash is a signal, never an expected exit status.
if(NOT DEFINED EXPECTED_EXIT)
  set(EXPECTED_EXIT 0)
endif()
execute_process(COMMAND "${PROGRAM}"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE actual)
file(WRITE "${ACTUAL}" "${actual}")
if(NOT result STREQUAL "${EXPECTED_EXIT}")
  message(FATAL_ERROR "${PROGRAM} exited with ${result}, expected ${EXPECTED_EXIT}; output:\n${actual}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output of ${PROGRAM} differs from ${EXPECTED}\n"
    "--- expected ---\n${expected}--- actual (also in ${ACTUAL}) ---\n${actual}--- end ---")
endif()
