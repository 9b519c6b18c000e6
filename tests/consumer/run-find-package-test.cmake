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
# The Python package: the compiled module, the stubs of the package and of each _core submodule,
# and an import of a submodule that shows the stub-only _core/ does not hide the extension.
if(PYTHON_INSTALL_DIR)
  set(package ${prefix}/${PYTHON_INSTALL_DIR}/paarorende)
  file(GLOB_RECURSE python_files RELATIVE ${PYTHON_SOURCE_DIR} ${PYTHON_SOURCE_DIR}/*.pyi
       ${PYTHON_SOURCE_DIR}/*.py ${PYTHON_SOURCE_DIR}/py.typed)
  foreach(expected ${python_files})
    if(NOT EXISTS ${package}/${expected})
      message(FATAL_ERROR "not installed: ${PYTHON_INSTALL_DIR}/paarorende/${expected}")
    endif()
  endforeach()
  consumer_step("importing the installed paarorende._core.group"
                COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${prefix}/${PYTHON_INSTALL_DIR}
                        ${PYTHON_EXECUTABLE} -c "import paarorende._core.group, paarorende; assert paarorende.GroupRules is paarorende._core.group.GroupRules"
                WORKING_DIRECTORY ${WORK_DIR})
endif()
consumer_step("configuring the consumer"
              COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
                      -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
consumer_step("building the consumer" COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
consumer_run(${WORK_DIR}/build/consumer)
message(STATUS "consumer printed: ${output}")
