# cmake -DPROGRAM=<exe> -DDOC=<file> -DACTUAL=<file> -DREGENERATE=<command> -P check_generated_doc.cmake
# Fails unless the standard output of PROGRAM, the generator of a documentation page, equals
# the committed page DOC: a page whose sources changed since it was written is stale. The
# output is kept in ACTUAL; the failure shows the difference and the command that rewrites DOC.
# The policies of the project's minimum version (while(TRUE) needs CMP0012).
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND "${PROGRAM}"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE actual
  ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} failed (${result}):\n${errors}")
endif()
file(WRITE "${ACTUAL}" "${actual}")
# A missing page is an empty one, so the failure shows all that it lacks.
set(expected "")
if(EXISTS "${DOC}")
  file(READ "${DOC}" expected)
endif()
if(actual STREQUAL expected)
  return()
endif()

# Printed as is: a FATAL_ERROR message would re-wrap the lines.
find_program(DIFF diff)
if(DIFF)
  execute_process(COMMAND "${DIFF}" -u -N "${DOC}" "${ACTUAL}")
else()
  # Without diff, the first line that differs. The texts are walked as strings, never as
  # lists: a Markdown line may hold a ';'.
  set(line 1)
  while(TRUE)
    string(FIND "${expected}" "\n" expected_end)
    string(FIND "${actual}" "\n" actual_end)
    string(SUBSTRING "${expected}" 0 ${expected_end} expected_line)
    string(SUBSTRING "${actual}" 0 ${actual_end} actual_line)
    if(NOT expected_line STREQUAL actual_line OR expected_end EQUAL -1 OR actual_end EQUAL -1)
      break()
    endif()
    math(EXPR expected_end "${expected_end} + 1")
    math(EXPR actual_end "${actual_end} + 1")
    string(SUBSTRING "${expected}" ${expected_end} -1 expected)
    string(SUBSTRING "${actual}" ${actual_end} -1 actual)
    math(EXPR line "${line} + 1")
  endwhile()
  message(NOTICE "first difference at line ${line}:\n- ${expected_line}\n+ ${actual_line}")
endif()
message(NOTICE "rewrite ${DOC} with\n  ${REGENERATE}")
message(FATAL_ERROR "${DOC} differs from the output of ${PROGRAM} (kept in ${ACTUAL})")
