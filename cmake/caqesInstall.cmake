# Install rules, included by the top-level CMakeLists.txt when CAQES_INSTALL is ON (the
# default at top level, OFF when caqes is added with add_subdirectory or FetchContent).
# docs/install.md describes what is installed where.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Header-only and architecture independent, hence the package files live in datadir.
set(CAQES_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/caqes")
set(CAQES_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig")
# CMAKE_INSTALL_DOCDIR is cached with the name of the first project that includes
# GNUInstallDirs: in a parent project that asked for our install rules, it is the parent's.
if(PROJECT_IS_TOP_LEVEL)
  set(CAQES_INSTALL_DOCDIR "${CMAKE_INSTALL_DOCDIR}")
else()
  set(CAQES_INSTALL_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/caqes")
endif()

install(TARGETS caqes EXPORT caqesTargets FILE_SET HEADERS)
install(EXPORT caqesTargets NAMESPACE caqes:: DESTINATION "${CAQES_INSTALL_CMAKEDIR}")
if(CAQES_HAS_JSON)
  # A separate export set so that find_package(caqes) only needs nlohmann_json when
  # the json component is requested.
  install(TARGETS caqes_json EXPORT caqesJsonTargets FILE_SET HEADERS)
  install(EXPORT caqesJsonTargets NAMESPACE caqes:: DESTINATION "${CAQES_INSTALL_CMAKEDIR}")
endif()

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/caqesConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/caqesConfig.cmake"
  INSTALL_DESTINATION "${CAQES_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/caqesConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)
install(FILES
  "${PROJECT_BINARY_DIR}/caqesConfig.cmake"
  "${PROJECT_BINARY_DIR}/caqesConfigVersion.cmake"
  DESTINATION "${CAQES_INSTALL_CMAKEDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/CHANGELOG.md"
  DESTINATION "${CAQES_INSTALL_DOCDIR}")
# The JSON Schemas of grid files (docs/cli.md) and of evaluations (docs/json-schema.md): data,
# needed by whoever writes or checks a grid, or reads the evaluations, with or without the tool.
install(FILES "${PROJECT_SOURCE_DIR}/schema/caqes.grille-1.schema.json"
              "${PROJECT_SOURCE_DIR}/schema/caqes.evaluation-1.schema.json"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/caqes/schema")

# ---------------------------------------------------------------------------
# pkg-config: caqes.pc, and caqes-json.pc when the json component is installed.
# ---------------------------------------------------------------------------
# The prefix is found from the .pc file's own place, so the tree stays right when it is
# installed with `cmake --install --prefix`, staged with DESTDIR or moved. A packager who
# sets absolute install directories gets absolute paths instead.
if(IS_ABSOLUTE "${CMAKE_INSTALL_DATADIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CAQES_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(CAQES_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH _caqes_pc_up "/${CAQES_INSTALL_PKGCONFIGDIR}" "/")
  string(REGEX REPLACE "/$" "" _caqes_pc_up "${_caqes_pc_up}")
  set(CAQES_PC_PREFIX "\${pcfiledir}/${_caqes_pc_up}")
  set(CAQES_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()

# Boost ships no pkg-config file (Debian 12 has none), so it cannot be named in Requires.
# What compiling against it takes goes into Cflags instead: its include directories when the
# compiler does not search them already, and the definitions its CMake target gives CMake
# users (on Debian: BOOST_ALL_NO_LIB from Boost::headers), so both kinds of users compile
# alike. Boost.Hana is header-only: nothing to link, hence no Libs line.
set(CAQES_PC_CFLAGS "-I\${includedir}")
foreach(_caqes_dep IN ITEMS Boost::headers)
  get_target_property(_caqes_dirs ${_caqes_dep} INTERFACE_INCLUDE_DIRECTORIES)
  foreach(_caqes_dir IN LISTS _caqes_dirs)
    if(_caqes_dir AND NOT _caqes_dir MATCHES "\\$<"
       AND NOT _caqes_dir IN_LIST CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
      string(APPEND CAQES_PC_CFLAGS " -I${_caqes_dir}")
    endif()
  endforeach()
  get_target_property(_caqes_defs ${_caqes_dep} INTERFACE_COMPILE_DEFINITIONS)
  foreach(_caqes_def IN LISTS _caqes_defs)
    if(_caqes_def AND NOT _caqes_def MATCHES "\\$<")
      string(APPEND CAQES_PC_CFLAGS " -D${_caqes_def}")
    endif()
  endforeach()
endforeach()

configure_file("${PROJECT_SOURCE_DIR}/cmake/caqes.pc.in" "${PROJECT_BINARY_DIR}/caqes.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/caqes.pc" DESTINATION "${CAQES_INSTALL_PKGCONFIGDIR}")
if(CAQES_HAS_JSON)
  # nlohmann_json does ship a .pc file, so this one can simply require it.
  configure_file("${PROJECT_SOURCE_DIR}/cmake/caqes-json.pc.in" "${PROJECT_BINARY_DIR}/caqes-json.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/caqes-json.pc" DESTINATION "${CAQES_INSTALL_PKGCONFIGDIR}")
endif()
