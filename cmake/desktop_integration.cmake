# What makes an installed unknot feel like any desktop app beyond its menu entry: the systemd
# user units behind `unknot reminders enable`, bash and zsh completion and the man page.

# The user-unit folder under the prefix (/usr/lib/systemd/user in the .deb), not LIBDIR, which
# is multiarch on Debian; src/app/session/app_paths.cpp looks for the units there.
# Two copies of the service: one naming the installed binary, and one next to the build tree's
# binary (build/systemd/) so `build/unknot reminders enable` and the tests work uninstalled.
set(UNKNOT_EXEC ${CMAKE_INSTALL_FULL_BINDIR}/unknot)
configure_file(assets/systemd/unknot-remind.service.in
               ${CMAKE_BINARY_DIR}/install-units/unknot-remind.service @ONLY)
set(UNKNOT_EXEC ${CMAKE_BINARY_DIR}/unknot)
configure_file(assets/systemd/unknot-remind.service.in
               ${CMAKE_BINARY_DIR}/systemd/unknot-remind.service @ONLY)
configure_file(assets/systemd/unknot-remind.timer ${CMAKE_BINARY_DIR}/systemd/unknot-remind.timer
               COPYONLY)
install(FILES ${CMAKE_BINARY_DIR}/install-units/unknot-remind.service
              assets/systemd/unknot-remind.timer
        DESTINATION lib/systemd/user)

# Where bash-completion loads completions on demand (its pkg-config completionsdir); zsh runs
# the same file through bashcompinit from Debian's vendor-completions folder (in its fpath).
install(FILES assets/completions/unknot.bash RENAME unknot
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
set(UNKNOT_BASH_COMPLETION ${CMAKE_INSTALL_FULL_DATADIR}/bash-completion/completions/unknot)
configure_file(assets/completions/_unknot.in ${CMAKE_BINARY_DIR}/install-completions/_unknot @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/install-completions/_unknot
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# The man page is help2man over the built binary and every command's --help
# (scripts/make-man), so it cannot drift from the help. A sanitizer build has no use for it.
# build/man is a man path: `man -M build/man unknot` reads it uninstalled.
set(unknot_man ${CMAKE_BINARY_DIR}/man/man1)
find_program(UNKNOT_HELP2MAN help2man)
if(UNKNOT_HELP2MAN AND NOT UNKNOT_SANITIZE AND NOT UNKNOT_SANITIZE_THREAD)
  add_custom_command(
    OUTPUT ${unknot_man}/unknot.1 ${unknot_man}/unknot.1.gz
    # Make (unlike Ninja) does not make an output's folder
    COMMAND ${CMAKE_COMMAND} -E make_directory ${unknot_man}
    COMMAND ${CMAKE_SOURCE_DIR}/scripts/make-man $<TARGET_FILE:unknot> ${unknot_man}/unknot.1
    COMMAND gzip -9nf -k ${unknot_man}/unknot.1
    DEPENDS unknot ${CMAKE_SOURCE_DIR}/scripts/make-man
    COMMENT "Writing the man page from unknot --help")
  add_custom_target(unknot_man ALL DEPENDS ${unknot_man}/unknot.1.gz)
  install(FILES ${unknot_man}/unknot.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
elseif(NOT UNKNOT_HELP2MAN)
  message(WARNING "help2man not found (scripts/setup installs it): no man page")
endif()
