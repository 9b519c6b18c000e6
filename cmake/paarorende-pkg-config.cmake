# Generates lib/pkgconfig/paarorende.pc and installs it (included from CMakeLists.txt when the
# install target is on). The file is relocatable: its prefix is found from its own place
# (${pcfiledir}), so `cmake --install build --prefix ANYWHERE` gives a working .pc.

# ${pcfiledir} climbed back to the prefix, one ".." per folder of <libdir>/pkgconfig.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(PAARORENDE_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  set(PAARORENDE_PC_PREFIX "\${pcfiledir}")
  string(REGEX MATCHALL "[^/]+" _paarorende_pc_parts "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
  foreach(_part IN LISTS _paarorende_pc_parts)
    string(APPEND PAARORENDE_PC_PREFIX "/..")
  endforeach()
endif()
foreach(_kind LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${_kind}}")
    set(PAARORENDE_PC_${_kind} "${CMAKE_INSTALL_${_kind}}")
  else()
    set(PAARORENDE_PC_${_kind} "\${prefix}/${CMAKE_INSTALL_${_kind}}")
  endif()
endforeach()

# Boost.Date_Time has no .pc file on Debian: its flags are written out, leaving out the
# compiler's own folders (/usr/include, /usr/lib/x86_64-linux-gnu), as pkg-config does.
set(PAARORENDE_PC_BOOST_CFLAGS "")
get_target_property(_boost_includes Boost::headers INTERFACE_INCLUDE_DIRECTORIES)
foreach(_dir IN LISTS _boost_includes)
  if(_dir AND NOT _dir IN_LIST CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
    string(APPEND PAARORENDE_PC_BOOST_CFLAGS " -I${_dir}")
  endif()
endforeach()
set(PAARORENDE_PC_BOOST_LIBS "-lboost_date_time")
get_target_property(_boost_configs Boost::date_time IMPORTED_CONFIGURATIONS)
if(_boost_configs)
  list(GET _boost_configs 0 _boost_config)
  get_target_property(_boost_library Boost::date_time IMPORTED_LOCATION_${_boost_config})
  if(_boost_library)
    get_filename_component(_boost_libdir "${_boost_library}" DIRECTORY)
    if(NOT _boost_libdir IN_LIST CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES)
      set(PAARORENDE_PC_BOOST_LIBS "-L${_boost_libdir} -lboost_date_time")
    endif()
  endif()
endif()
string(STRIP "${PAARORENDE_PC_BOOST_CFLAGS}" PAARORENDE_PC_BOOST_CFLAGS)

configure_file(${CMAKE_CURRENT_LIST_DIR}/paarorende.pc.in ${PROJECT_BINARY_DIR}/paarorende.pc
               @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/paarorende.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
