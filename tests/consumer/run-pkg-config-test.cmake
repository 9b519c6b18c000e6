# Installs the built paarorende into a fresh prefix, then compiles and runs a program with the
# flags of `pkg-config --cflags --libs paarorende`, without CMake's help.
cmake_minimum_required(VERSION 3.22)
include(${CMAKE_CURRENT_LIST_DIR}/consumer-steps.cmake)
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
consumer_install(${prefix})
file(GLOB pc_files ${prefix}/*/pkgconfig/paarorende.pc ${prefix}/*/*/pkgconfig/paarorende.pc)
list(LENGTH pc_files count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one installed paarorende.pc, found: ${pc_files}")
endif()
get_filename_component(pc_dir ${pc_files} DIRECTORY)
set(ENV{PKG_CONFIG_PATH} ${pc_dir})

execute_process(COMMAND ${PKG_CONFIG} --modversion paarorende OUTPUT_VARIABLE version
                RESULT_VARIABLE result OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT result EQUAL 0 OR NOT version STREQUAL EXPECTED_VERSION)
  message(FATAL_ERROR "pkg-config --modversion gave ${result}, '${version}'")
endif()
consumer_step("pkg-config --cflags --libs paarorende"
              COMMAND ${PKG_CONFIG} --cflags --libs paarorende OUTPUT_VARIABLE flags
              OUTPUT_STRIP_TRAILING_WHITESPACE)
separate_arguments(flags UNIX_COMMAND "${flags}")
# The flags point into the prefix the files were installed to (the .pc is relocatable).
set(include_found OFF)
foreach(flag IN LISTS flags)
  if(flag MATCHES "^-I(.*)$")
    file(REAL_PATH "${CMAKE_MATCH_1}" dir)
    file(REAL_PATH "${prefix}/include" expected)
    if(dir STREQUAL expected)
      set(include_found ON)
    endif()
  endif()
endforeach()
if(NOT include_found OR NOT "-lpaarorende" IN_LIST flags OR NOT "-lboost_date_time" IN_LIST flags)
  message(FATAL_ERROR "unexpected flags: ${flags}")
endif()
consumer_step("compiling with the pkg-config flags"
              COMMAND ${CXX} -std=c++20 ${SOURCE} -o ${WORK_DIR}/consumer ${flags})
consumer_run(${WORK_DIR}/consumer)
message(STATUS "pkg-config flags: ${flags}; consumer printed: ${output}")
