# Configures, builds and runs tests/consumer/add-subdirectory, which takes the paarorende sources
# in with add_subdirectory (only the library is built).
cmake_minimum_required(VERSION 3.22)
include(${CMAKE_CURRENT_LIST_DIR}/consumer-steps.cmake)
file(REMOVE_RECURSE ${WORK_DIR})
consumer_step("configuring the consumer"
              COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR} -G ${GENERATOR}
                      -DPAARORENDE_SOURCE_DIR=${PAARORENDE_SOURCE_DIR} -DCMAKE_BUILD_TYPE=Release)
consumer_step("building the consumer" COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR})
consumer_run(${WORK_DIR}/consumer)
message(STATUS "consumer printed: ${output}")
