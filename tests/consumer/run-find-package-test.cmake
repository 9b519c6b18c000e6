# Installs the built paarorende into a fresh prefix, then configures, builds and runs a small
# consumer project against it with find_package(paarorende CONFIG REQUIRED).
include(${CMAKE_CURRENT_LIST_DIR}/consumer-steps.cmake)
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
consumer_install(${prefix})
# The core and the I/O layer are installed; the private toolkit (src/detail) is not.
if(EXISTS ${prefix}/include/paarorende/detail)
  message(FATAL_ERROR "installed: include/paarorende/detail (private headers)")
endif()
foreach(expected include/paarorende/schedule.hpp include/paarorende/version.hpp
                 include/paarorende/io/registry.hpp include/paarorende/json.hpp
                 lib/cmake/paarorende/paarorende-config.cmake
                 lib/cmake/paarorende/paarorende-config-version.cmake)
  if(NOT EXISTS ${prefix}/${expected})
    message(FATAL_ERROR "not installed: ${expected}")
  endif()
endforeach()
consumer_step("configuring the consumer"
              COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
                      -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
consumer_step("building the consumer" COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
consumer_run(${WORK_DIR}/build/consumer)
message(STATUS "consumer printed: ${output}")
