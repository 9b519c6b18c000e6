# Configures, builds and runs tests/consumer/add-subdirectory, which takes the paarorende sources
# in with add_subdirectory (only the library is built). Unoptimised (-O0): the test is that an
# outside project builds and links it, and the optimised library is built and tested in build/.
cmake_minimum_required(VERSION 3.22)
include(${CMAKE_CURRENT_LIST_DIR}/consumer-steps.cmake)
file(REMOVE_RECURSE ${WORK_DIR})
# The tree's compiler launcher (ccache, when scripts/setup found it): the library's sources are
# compiled once per clone, not once per run of the test.
set(launcher)
if(LAUNCHER)
  set(launcher -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
consumer_step("configuring the consumer"
              COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR} -G ${GENERATOR}
                      -DPAARORENDE_SOURCE_DIR=${PAARORENDE_SOURCE_DIR} -DCMAKE_BUILD_TYPE=Debug
                      -DCMAKE_CXX_FLAGS_DEBUG=-O0 ${launcher})
consumer_step("building the consumer" COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR})
consumer_run(${WORK_DIR}/consumer)
message(STATUS "consumer printed: ${output}")
