# The steps the consumer tests share (run-*-test.cmake include this file): each stops the test
# with a message that says which step failed.

# Runs `execute_process(<args>)`; stops with "<what> failed: <exit code>" when it fails. A macro,
# so that OUTPUT_VARIABLE and the like land in the caller's scope.
macro(consumer_step what)
  execute_process(${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${what} failed: ${result}")
  endif()
endmacro()

# Installs the paarorende built in PAARORENDE_BINARY_DIR into `prefix`.
function(consumer_install prefix)
  consumer_step("cmake --install"
                COMMAND ${CMAKE_COMMAND} --install ${PAARORENDE_BINARY_DIR} --prefix ${prefix}
                OUTPUT_QUIET)
endfunction()

# Runs the built consumer `program`, which must succeed and print the pilot's first session;
# leaves what it printed in `output`.
macro(consumer_run program)
  execute_process(COMMAND ${program} RESULT_VARIABLE result OUTPUT_VARIABLE output)
  if(NOT result EQUAL 0 OR NOT output MATCHES "2019-11-05 15:00-16:30")
    message(FATAL_ERROR "the consumer ran with ${result} and printed: ${output}")
  endif()
endmacro()
