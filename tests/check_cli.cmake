# Runs the caqes tool once and checks both its exit status and its output, as the build-failure
# checker does for the compiler: a test that only matched the output would pass on a crash, one
# that only checked the status would pass on a wrong rule.
#   -DTOOL=<caqes> -DARGS=<arguments separated by |> -DSTATUS=<expected exit status>
#   [-DREGEX=<what stdout or stderr must match>] [-DWORKDIR=<directory to run in>]
#   [-DPIPE=<a file fed to the tool's standard input through a pipe, which cannot seek>]
#   [-DOUTPUT=<the file the tool's standard output is written to, such as /dev/full; REGEX then
#   matches stderr>]
string(REPLACE "|" ";" args "${ARGS}")
if(NOT DEFINED WORKDIR)
  set(WORKDIR "${CMAKE_CURRENT_LIST_DIR}")
endif()
if(DEFINED OUTPUT)
  execute_process(COMMAND "${TOOL}" ${args} WORKING_DIRECTORY "${WORKDIR}"
    RESULT_VARIABLE status OUTPUT_FILE "${OUTPUT}" ERROR_VARIABLE err)
elseif(DEFINED PIPE)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E cat "${PIPE}" COMMAND "${TOOL}" ${args} WORKING_DIRECTORY "${WORKDIR}"
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
else()
  execute_process(COMMAND "${TOOL}" ${args} WORKING_DIRECTORY "${WORKDIR}"
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
endif()
message(STATUS "caqes ${args} (in ${WORKDIR}) exited with ${status}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT status STREQUAL STATUS)
  message(FATAL_ERROR "exit status ${status}, expected ${STATUS}")
endif()
if(DEFINED REGEX AND NOT "${out}${err}" MATCHES "${REGEX}")
  message(FATAL_ERROR "the output does not match '${REGEX}'")
endif()
