# The Debian package, built by scripts/package with CPack: unknot_<version>_<arch>.deb with its
# dependencies computed from the shared libraries the binary links (dpkg-shlibdeps). The
# version is the one in project(); docs/packaging.md explains the rest.

set(UNKNOT_PACKAGE_MAINTAINER
    "unknot maintainers <maintainers@users.noreply.r-seed-2c5cbdeb.example>"
    CACHE STRING "Maintainer field of the .deb")

# Debian wants a copyright file and a changelog in /usr/share/doc/<package>. The changelog is
# written from the AppStream file's releases, the one list of releases (newest first), so
# cutting a release means editing that file only.
install(FILES assets/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(READ ${CMAKE_SOURCE_DIR}/assets/org.example.unknot.metainfo.xml unknot_metainfo)
string(REGEX MATCHALL "<release version=\"[^\"]+\" date=\"[0-9-]+\"" unknot_releases
       "${unknot_metainfo}")
set(unknot_changelog "")
foreach(release ${unknot_releases})
  string(REGEX REPLACE ".*version=\"([^\"]+)\" date=\"([0-9-]+)\".*" "\\1;\\2" fields "${release}")
  list(GET fields 0 version)
  list(GET fields 1 day)
  # RFC 5322 date at noon UTC, the form dpkg-parsechangelog reads.
  execute_process(COMMAND date -u -R -d "${day} 12:00" OUTPUT_VARIABLE stamp
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(APPEND unknot_changelog
         "unknot (${version}) unstable; urgency=medium\n\n"
         "  * Release ${version}; its notes are in\n"
         "    /usr/share/metainfo/org.example.unknot.metainfo.xml.\n\n"
         " -- ${UNKNOT_PACKAGE_MAINTAINER}  ${stamp}\n\n")
endforeach()
string(STRIP "${unknot_changelog}" unknot_changelog)
file(WRITE ${CMAKE_BINARY_DIR}/package/changelog "${unknot_changelog}\n")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${CMAKE_SOURCE_DIR}/assets/org.example.unknot.metainfo.xml)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/package/changelog.gz
                   COMMAND gzip -9nf -k ${CMAKE_BINARY_DIR}/package/changelog
                   DEPENDS ${CMAKE_BINARY_DIR}/package/changelog)
add_custom_target(unknot_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/package/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/package/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME unknot)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${UNKNOT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${UNKNOT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # unknot_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not a shared library: fonts-dejavu-core is the face the window draws its text with
# (found through fontconfig); the voice data comes with libespeak-ng1.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "guided stretches and recovery routines for sore glutes")
# The synopsis is the summary above; CPack indents these lines and turns the empty one into " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "unknot guides you through short recovery routines for gluteal trigger points
(sore hips, buttocks, lower back): pigeon pose, seated forward bend, foam
rolling, ball massage, glute strengthening, heat then ice. The timer is
readable from across the room and every change is announced with a sound and
a spoken prompt.

It keeps a record over a 2 to 6 week recovery plan (streaks, adherence, the
pain trend), rings daily reminders also with the app closed, writes a PDF
report for a physiotherapist, and tells you plainly when a symptom needs a
doctor. It is not medical advice.")
include(CPack)
