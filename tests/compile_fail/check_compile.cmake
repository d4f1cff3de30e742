# Compiles one translation unit with -fsyntax-only and judges the result.
#
#   cmake -DSETTINGS=<file> -DSOURCE=<file.cpp> -DMODE=<fail|ok> [-DEXPECTED_ID=Ennn]
#         -P check_compile.cmake
#
# SETTINGS is written by tests/CMakeLists.txt and sets CAQES_CHECK_COMPILER and
# CAQES_CHECK_FLAGS. MODE=fail passes only if the compiler exits non-zero AND one
# error line names CAQES-<id>: failing for any other reason (a typo, a missing
# include) must not count as the library's diagnostic. The id comes from the file
# name (Ennn_<slug>.fail.cpp) unless EXPECTED_ID is given. When the source has a line
# "// Location: <text>", MODE=fail also requires <text> (literal, not a regex) in the first
# error block: the first "error:" line with the context lines before it (g++: "In
# instantiation of ...") and the notes after it (clang: "in instantiation of ..."), up to the
# next error or the context of the next one. MODE=ok passes only if the file compiles.
foreach(_var IN ITEMS SETTINGS SOURCE MODE)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "check_compile.cmake: -D${_var}=... is required")
  endif()
endforeach()
include("${SETTINGS}")

if(MODE STREQUAL "fail" AND NOT DEFINED EXPECTED_ID)
  get_filename_component(_name "${SOURCE}" NAME)
  if(NOT _name MATCHES "^(E[0-9][0-9][0-9])_")
    message(FATAL_ERROR "${_name}: cannot take the id from the name, pass -DEXPECTED_ID=Ennn")
  endif()
  set(EXPECTED_ID "${CMAKE_MATCH_1}")
elseif(NOT MODE STREQUAL "fail" AND NOT MODE STREQUAL "ok")
  message(FATAL_ERROR "check_compile.cmake: MODE must be fail or ok, not '${MODE}'")
endif()

set(_command "${CAQES_CHECK_COMPILER}" -std=c++20 -fsyntax-only ${CAQES_CHECK_FLAGS} "${SOURCE}")
execute_process(COMMAND ${_command}
  RESULT_VARIABLE _result
  OUTPUT_VARIABLE _output
  ERROR_VARIABLE _output)
list(JOIN _command " " _command_line)
set(_report "command: ${_command_line}\nexit: ${_result}\n--- compiler output ---\n${_output}--- end ---")

if(MODE STREQUAL "ok")
  if(NOT _result EQUAL 0)
    message(FATAL_ERROR "${SOURCE} must compile but was rejected.\n${_report}")
  endif()
  message(STATUS "OK: compiles.\n${_report}")
  return()
endif()

if(_result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} must be rejected with CAQES-${EXPECTED_ID} but compiled.\n${_report}")
endif()
# [^\n]* keeps the match on one line: the id must be part of an error message, not
# of some unrelated note or source excerpt further down.
if(NOT _output MATCHES "error:[^\n]*CAQES-${EXPECTED_ID}")
  message(FATAL_ERROR
    "${SOURCE} was rejected, but no error line names CAQES-${EXPECTED_ID}: it fails for another reason.\n${_report}")
endif()

file(STRINGS "${SOURCE}" _location_lines REGEX "^// Location: ")
if(_location_lines)
  list(GET _location_lines 0 _location)
  string(REGEX REPLACE "^// Location: " "" _location "${_location}")
  # The first error block: everything before the end of the first error line, then what
  # follows until a line that starts the next block.
  string(FIND "${_output}" "error:" _first)
  string(SUBSTRING "${_output}" ${_first} -1 _after)
  string(FIND "${_after}" "\n" _eol)
  if(_eol LESS 0)
    set(_eol 0)
  endif()
  math(EXPR _head_len "${_first} + ${_eol}")
  string(SUBSTRING "${_output}" 0 ${_head_len} _head)
  string(SUBSTRING "${_after}" ${_eol} -1 _rest)
  set(_cut -1)
  foreach(_marker IN ITEMS "error:" "\nIn file included from" ": In " "required from" "required by")
    string(FIND "${_rest}" "${_marker}" _at)
    if(_at GREATER_EQUAL 0 AND (_cut LESS 0 OR _at LESS _cut))
      set(_cut ${_at})
    endif()
  endforeach()
  string(SUBSTRING "${_rest}" 0 ${_cut} _tail)
  string(FIND "${_head}${_tail}" "${_location}" _found)
  if(_found LESS 0)
    message(FATAL_ERROR
      "${SOURCE} was rejected with CAQES-${EXPECTED_ID}, but its first error block does not name the location "
      "'${_location}'.\n--- first error block ---\n${_head}${_tail}\n--- end ---\n${_report}")
  endif()
  message(STATUS "OK: rejected with CAQES-${EXPECTED_ID} at ${_location}.\n${_report}")
  return()
endif()
message(STATUS "OK: rejected with CAQES-${EXPECTED_ID}.\n${_report}")
