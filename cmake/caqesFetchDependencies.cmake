# Fallback for machines without the Boost package: fetch Boost.Hana and describe it with the
# imported target name the package provides, so the rest of the build (and the exported
# caqes targets) does not care where it came from.
#
# It is used header-only, so its own CMake project is deliberately not added (SOURCE_SUBDIR
# points at a directory that does not exist): that keeps its tests and install rules out of
# this build.
include(FetchContent)

if(NOT TARGET Boost::headers)
  # caqes only includes Boost.Hana, which depends on no other Boost library.
  FetchContent_Declare(caqes_hana
    GIT_REPOSITORY https://github.com/boostorg/hana.git
    GIT_TAG boost-1.74.0
    GIT_SHALLOW TRUE
    SOURCE_SUBDIR not-a-subproject)
  FetchContent_MakeAvailable(caqes_hana)
  add_library(Boost::headers INTERFACE IMPORTED GLOBAL)
  target_include_directories(Boost::headers INTERFACE "${caqes_hana_SOURCE_DIR}/include")
endif()

