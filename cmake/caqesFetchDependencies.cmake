# Fallback for machines without the Boost or date packages: fetch the sources and
# describe them with the same imported target names the packages provide, so the rest
# of the build (and the exported caqes targets) does not care where they came from.
#
# Both are used header-only, so their own CMake projects are deliberately not added
# (SOURCE_SUBDIR points at a directory that does not exist): that keeps their tests
# and install rules out of this build.
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

if(NOT TARGET date::date)
  FetchContent_Declare(caqes_date
    GIT_REPOSITORY https://github.com/HowardHinnant/date.git
    GIT_TAG v3.0.1
    GIT_SHALLOW TRUE
    SOURCE_SUBDIR not-a-subproject)
  FetchContent_MakeAvailable(caqes_date)
  add_library(date::date INTERFACE IMPORTED GLOBAL)
  target_include_directories(date::date INTERFACE "${caqes_date_SOURCE_DIR}/include")
  # The same definitions the packaged date::date carries, so both paths compile alike.
  target_compile_definitions(date::date INTERFACE ONLY_C_LOCALE=1 HAS_STRING_VIEW=1)
endif()
