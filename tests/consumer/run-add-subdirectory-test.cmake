# Configures, builds and runs tests/consumer/add-subdirectory, which takes the paarorende sources
# in with add_subdirectory (only the library is built).
cmake_minimum_required(VERSION 3.22)
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR} -G ${GENERATOR}
                        -DPAARORENDE_SOURCE_DIR=${PAARORENDE_SOURCE_DIR}
                        -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "configuring the consumer failed: ${result}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "building the consumer failed: ${result}")
endif()
execute_process(COMMAND ${WORK_DIR}/consumer RESULT_VARIABLE result OUTPUT_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output MATCHES "2019-11-05 15:00-16:30")
  message(FATAL_ERROR "the consumer ran with ${result} and printed: ${output}")
endif()
message(STATUS "consumer printed: ${output}")
