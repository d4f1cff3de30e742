# Drives the package tests (see tests/CMakeLists.txt). Every step starts from empty
# directories so files left by an earlier run (a header since deleted, an old cache) cannot
# make a broken package look fine.
#
#   STEP=install:          -DBUILD_DIR -DPREFIX
#       cmake --install of an existing build tree.
#   STEP=consumer:         -DSOURCE_DIR -DBINARY_DIR -DGENERATOR -DCXX_COMPILER -DBUILD_TYPE
#                          -DCXX_FLAGS -DEXPECTED_OUTPUT -DSYSTEM_INCLUDE_DIR, and one of
#                          -DPREFIX (find_package), -DCAQES_SOURCE_DIR (add_subdirectory),
#                          -DCAQES_ARCHIVE_FROM (FetchContent: the source tree to archive)
#       configures, builds and runs a consumer project compiled with CXX_FLAGS (strict
#       warnings and -Werror); its output must match EXPECTED_OUTPUT, and its compile line
#       must take SYSTEM_INCLUDE_DIR, where caqes.hpp lives, as a system include directory.
#   STEP=installs_nothing: -DBINARY_DIRS (separated by |)
#       installs each (built) consumer tree and requires that nothing is installed.
#   STEP=install_opt_in:   -DSOURCE_DIR -DBINARY_DIR -DGENERATOR -DCXX_COMPILER -DCAQES_SOURCE_DIR
#       configures the add_subdirectory consumer with CAQES_INSTALL=ON: caqes is installed.
#   STEP=install_without_tests: -DCAQES_SOURCE_DIR -DBINARY_DIR -DGENERATOR -DCXX_COMPILER
#       the documented one-line install of the headers, with Catch2, Google Benchmark and
#       CLI11 hidden.
#   STEP=tool_missing_cli11: -DCAQES_SOURCE_DIR -DBINARY_DIR -DGENERATOR -DCXX_COMPILER
#       configures with CLI11 hidden: succeeds, names libcli11-dev, installs the headers only.
#   STEP=tool:             -DPREFIX -DEXPECTED_VERSION
#       bin/caqes was installed (by STEP=install) and runs.
#   STEP=pkgconfig:        -DPREFIX -DPKG_CONFIG -DSCRIPT -DSOURCE -DBINARY_DIR -DCXX_COMPILER
#                          -DCXX_FLAGS -DEXPECTED_VERSION -DJSON
#       builds SOURCE with SCRIPT (pkg-config --cflags caqes) and runs it.
#   STEP=json_missing:     -DPREFIX -DSOURCE_DIR -DBINARY_DIR -DGENERATOR -DCXX_COMPILER
#       configures the json consumer with nlohmann-json hidden; see the function below.

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    list(JOIN ARGV " " command_line)
    message(FATAL_ERROR "failed (${result}): ${command_line}")
  endif()
endfunction()

function(run_program program expected)
  execute_process(COMMAND "${program}" ${ARGN}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  message(STATUS "${program} printed:\n${output}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${program} exited with ${result}")
  endif()
  if(NOT output MATCHES "${expected}")
    message(FATAL_ERROR "${program} did not print '${expected}'")
  endif()
endfunction()

# Files under a directory, relative to it (an absent directory has none).
function(files_under dir out)
  set(files "")
  if(EXISTS "${dir}")
    file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${dir}" "${dir}/*")
  endif()
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

function(require_files prefix)
  foreach(file IN LISTS ARGN)
    if(NOT EXISTS "${prefix}/${file}")
      files_under("${prefix}" installed)
      list(JOIN installed "\n  " installed)
      message(FATAL_ERROR "${prefix}/${file} was not installed; installed:\n  ${installed}")
    endif()
  endforeach()
endfunction()

# What every caqes install holds, with the default GNUInstallDirs layout.
set(caqes_installed_files
  include/caqes/caqes.hpp
  include/caqes/version.hpp
  share/cmake/caqes/caqesConfig.cmake
  share/cmake/caqes/caqesConfigVersion.cmake
  share/cmake/caqes/caqesTargets.cmake
  share/pkgconfig/caqes.pc
  share/doc/caqes/LICENSE
  share/doc/caqes/CHANGELOG.md
  share/caqes/schema/caqes.grille-1.schema.json
  share/caqes/schema/caqes.evaluation-1.schema.json)

if(STEP STREQUAL "install")
  file(REMOVE_RECURSE "${PREFIX}")
  run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
  require_files("${PREFIX}" ${caqes_installed_files})

elseif(STEP STREQUAL "tool_missing_cli11")
  # The tool is ON by default: without CLI11 the configure still succeeds (the headers need
  # no CLI library) and names the Debian package that would build the tool.
  file(REMOVE_RECURSE "${BINARY_DIR}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${CAQES_SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" -DCAQES_BUILD_TESTS=OFF -DCAQES_BUILD_EXAMPLES=OFF
      -DCMAKE_DISABLE_FIND_PACKAGE_CLI11=ON
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  message(STATUS "configure (${result}):\n${output}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "the configure without CLI11 failed: the headers must not need it")
  endif()
  # CMake reflows a warning's text: compare with every run of spaces and line ends as one.
  string(REGEX REPLACE "[ \n]+" " " output "${output}")
  if(NOT output MATCHES "CLI11 2 was not found \\(Debian: libcli11-dev\\)")
    message(FATAL_ERROR "the configure without CLI11 did not name libcli11-dev")
  endif()
  run("${CMAKE_COMMAND}" --install "${BINARY_DIR}" --prefix "${BINARY_DIR}-install")
  require_files("${BINARY_DIR}-install" ${caqes_installed_files})
  if(EXISTS "${BINARY_DIR}-install/bin/caqes")
    message(FATAL_ERROR "bin/caqes was installed although the tool could not be built")
  endif()

elseif(STEP STREQUAL "tool")
  # The tool installed beside the headers (by STEP=install) runs from the prefix, with the
  # PostgreSQL schema it reads and writes with --db.
  require_files("${PREFIX}" bin/caqes share/caqes/schema.sql)
  run_program("${PREFIX}/bin/caqes" "caqes ${EXPECTED_VERSION}" --version)

elseif(STEP STREQUAL "consumer")
  file(REMOVE_RECURSE "${BINARY_DIR}")
  set(way "")
  if(DEFINED PREFIX)
    set(way "-DCMAKE_PREFIX_PATH=${PREFIX}")
  elseif(DEFINED CAQES_SOURCE_DIR)
    set(way "-DCONSUMER_CAQES_SOURCE_DIR=${CAQES_SOURCE_DIR}")
  elseif(DEFINED CAQES_ARCHIVE_FROM)
    # A release archive as `git archive --prefix=caqes-X.Y.Z/ vX.Y.Z` would make it, with
    # only what a project adding caqes needs: no tests, examples or benchmarks.
    file(STRINGS "${CAQES_ARCHIVE_FROM}/include/caqes/version.hpp" version_lines
         REGEX "^#define CAQES_VERSION_(MAJOR|MINOR|PATCH) ")
    string(REGEX REPLACE "[^;]* ([0-9]+);[^;]* ([0-9]+);[^;]* ([0-9]+)" "\\1.\\2.\\3" version "${version_lines}")
    set(stage "${BINARY_DIR}-archive")
    file(REMOVE_RECURSE "${stage}")
    file(MAKE_DIRECTORY "${stage}/caqes-${version}")
    file(COPY "${CAQES_ARCHIVE_FROM}/CMakeLists.txt" "${CAQES_ARCHIVE_FROM}/cmake"
              "${CAQES_ARCHIVE_FROM}/include" "${CAQES_ARCHIVE_FROM}/LICENSE"
              "${CAQES_ARCHIVE_FROM}/CHANGELOG.md" "${CAQES_ARCHIVE_FROM}/README.md"
         DESTINATION "${stage}/caqes-${version}")
    execute_process(COMMAND "${CMAKE_COMMAND}" -E tar czf "caqes-${version}.tar.gz" "caqes-${version}"
      WORKING_DIRECTORY "${stage}" RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "could not make the release archive")
    endif()
    set(way "-DCONSUMER_CAQES_URL=file://${stage}/caqes-${version}.tar.gz")
  else()
    message(FATAL_ERROR "STEP=consumer needs PREFIX, CAQES_SOURCE_DIR or CAQES_ARCHIVE_FROM")
  endif()
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
      "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "${way}")
  run("${CMAKE_COMMAND}" --build "${BINARY_DIR}")
  run_program("${BINARY_DIR}/consumer" "${EXPECTED_OUTPUT}")

  # The strict flags passing could also mean the headers happen to be clean for them, so
  # the system-header property is checked where it is decided: the compile line.
  file(READ "${BINARY_DIR}/compile_commands.json" commands)
  string(JSON count LENGTH "${commands}")
  math(EXPR last "${count} - 1")
  set(command "")
  foreach(i RANGE ${last})
    string(JSON file GET "${commands}" ${i} file)
    if(file MATCHES "main\\.cpp$")
      string(JSON command GET "${commands}" ${i} command)
    endif()
  endforeach()
  message(STATUS "compile line: ${command}")
  if(NOT EXISTS "${SYSTEM_INCLUDE_DIR}/caqes/caqes.hpp")
    message(FATAL_ERROR "${SYSTEM_INCLUDE_DIR}/caqes/caqes.hpp does not exist")
  endif()
  string(FIND "${command}" "-isystem ${SYSTEM_INCLUDE_DIR} " at_system)
  string(FIND "${command}" "-I${SYSTEM_INCLUDE_DIR} " at_plain)
  if(at_system EQUAL -1 OR NOT at_plain EQUAL -1)
    message(FATAL_ERROR "the caqes headers (${SYSTEM_INCLUDE_DIR}) are not a system include directory")
  endif()

elseif(STEP STREQUAL "installs_nothing")
  string(REPLACE "|" ";" binary_dirs "${BINARY_DIRS}")
  foreach(binary_dir IN LISTS binary_dirs)
    # The consumers have no install rules of their own: whatever lands here is caqes's.
    set(prefix "${binary_dir}-install")
    file(REMOVE_RECURSE "${prefix}")
    run("${CMAKE_COMMAND}" --install "${binary_dir}" --prefix "${prefix}")
    files_under("${prefix}" installed)
    if(installed)
      list(JOIN installed "\n  " installed)
      message(FATAL_ERROR "installing ${binary_dir} installed:\n  ${installed}")
    endif()
    message(STATUS "installing ${binary_dir} installed nothing")
  endforeach()

elseif(STEP STREQUAL "install_opt_in")
  # The positive control of installs_nothing: the same consumer, asking for the install
  # rules, does install caqes. No build is needed to install header-only files.
  file(REMOVE_RECURSE "${BINARY_DIR}" "${BINARY_DIR}-install")
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCONSUMER_CAQES_SOURCE_DIR=${CAQES_SOURCE_DIR}"
      -DCAQES_INSTALL=ON)
  run("${CMAKE_COMMAND}" --install "${BINARY_DIR}" --prefix "${BINARY_DIR}-install")
  require_files("${BINARY_DIR}-install" ${caqes_installed_files})

elseif(STEP STREQUAL "install_without_tests")
  # docs/install.md's one-line install. Hiding Catch2 and Google Benchmark makes any attempt
  # to use them fail, even on a machine that has them.
  file(REMOVE_RECURSE "${BINARY_DIR}" "${BINARY_DIR}-install")
  # The headers alone need no CLI library: CLI11 is hidden too.
  run("${CMAKE_COMMAND}" -S "${CAQES_SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      -DCAQES_BUILD_TESTS=OFF -DCAQES_BUILD_EXAMPLES=OFF -DCAQES_BUILD_TOOL=OFF
      -DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON -DCMAKE_DISABLE_FIND_PACKAGE_benchmark=ON
      -DCMAKE_DISABLE_FIND_PACKAGE_CLI11=ON)
  run("${CMAKE_COMMAND}" --install "${BINARY_DIR}" --prefix "${BINARY_DIR}-install")
  require_files("${BINARY_DIR}-install" ${caqes_installed_files})

elseif(STEP STREQUAL "pkgconfig")
  file(REMOVE_RECURSE "${BINARY_DIR}")
  file(MAKE_DIRECTORY "${BINARY_DIR}")
  set(env "${CMAKE_COMMAND}" -E env "PKG_CONFIG_PATH=${PREFIX}/share/pkgconfig")
  execute_process(COMMAND ${env} "${PKG_CONFIG}" --print-errors --modversion caqes
    RESULT_VARIABLE result OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT result EQUAL 0 OR NOT version STREQUAL EXPECTED_VERSION)
    message(FATAL_ERROR "pkg-config --modversion caqes gave '${version}', not '${EXPECTED_VERSION}'")
  endif()
  execute_process(COMMAND ${env} "${PKG_CONFIG}" --print-errors --cflags caqes
    RESULT_VARIABLE result OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE)
  message(STATUS "pkg-config --cflags caqes: ${cflags}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "pkg-config --cflags caqes failed")
  endif()
  # caqes.pc points at the tree it was installed in, wherever that is (${pcfiledir}).
  file(REAL_PATH "${PREFIX}/include" include_dir)
  set(found FALSE)
  separate_arguments(flags UNIX_COMMAND "${cflags}")
  foreach(flag IN LISTS flags)
    if(flag MATCHES "^-I(.+)$")
      file(REAL_PATH "${CMAKE_MATCH_1}" dir)
      if(dir STREQUAL include_dir)
        set(found TRUE)
      endif()
    endif()
  endforeach()
  if(NOT found)
    message(FATAL_ERROR "pkg-config --cflags caqes does not name ${include_dir}")
  endif()
  # The headers are not system headers here (-I), so the strict flags check the headers
  # themselves.
  run(${env} "CXX=${CXX_COMPILER}" "CXXFLAGS=${CXX_FLAGS}"
      sh "${SCRIPT}" "${SOURCE}" "${BINARY_DIR}/consumer")
  run_program("${BINARY_DIR}/consumer" "caqes ${EXPECTED_VERSION}")
  if(JSON)
    # caqes-json.pc requires caqes and nlohmann_json, whose .pc file is found as well.
    run(${env} "${PKG_CONFIG}" --print-errors --exists "caqes-json = ${EXPECTED_VERSION}")
    run(${env} "${PKG_CONFIG}" --print-errors --cflags caqes-json)
  endif()

elseif(STEP STREQUAL "json_missing")
  # Run with PASS_REGULAR_EXPRESSION, which ignores the exit code: so the configure output
  # is printed only when the configure failed, and the regular expression can only match
  # a failed configure.
  file(REMOVE_RECURSE "${BINARY_DIR}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_PREFIX_PATH=${PREFIX}"
      -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(result EQUAL 0)
    message(FATAL_ERROR "the configure asking for the json component succeeded without its dependency")
  endif()
  message(STATUS "configure failed as expected (${result}):\n${output}")

else()
  message(FATAL_ERROR "package_test.cmake: unknown STEP '${STEP}'")
endif()
