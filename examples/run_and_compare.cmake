# cmake -DPROGRAM=<exe> -DEXPECTED=<file> -DACTUAL=<file> -P run_and_compare.cmake
# Runs PROGRAM and fails unless it exits 0 and its standard output equals EXPECTED
# exactly. The output is kept in ACTUAL so a mismatch can be inspected or diffed.
execute_process(COMMAND "${PROGRAM}"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE actual)
file(WRITE "${ACTUAL}" "${actual}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${result}; output:\n${actual}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output of ${PROGRAM} differs from ${EXPECTED}\n"
    "--- expected ---\n${expected}--- actual (also in ${ACTUAL}) ---\n${actual}--- end ---")
endif()
