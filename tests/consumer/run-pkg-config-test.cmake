# Installs the built paarorende into a fresh prefix, then compiles and runs a program with the
# flags of `pkg-config --cflags --libs paarorende`, without CMake's help.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${PAARORENDE_BINARY_DIR} --prefix ${prefix}
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
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
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs paarorende OUTPUT_VARIABLE flags
                RESULT_VARIABLE result OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs paarorende failed: ${result}")
endif()
# The flags point into the prefix the files were installed to (the .pc is relocatable).
if(NOT flags MATCHES "-I${prefix}/include" OR NOT flags MATCHES "-lpaarorende")
  message(FATAL_ERROR "unexpected flags: ${flags}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND ${CXX} -std=c++20 ${SOURCE} -o ${WORK_DIR}/consumer ${flags}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "compiling with the pkg-config flags failed: ${result}")
endif()
execute_process(COMMAND ${WORK_DIR}/consumer RESULT_VARIABLE result OUTPUT_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output MATCHES "2019-11-05 15:00-16:30")
  message(FATAL_ERROR "the consumer ran with ${result} and printed: ${output}")
endif()
message(STATUS "pkg-config flags: ${flags}; consumer printed: ${output}")
