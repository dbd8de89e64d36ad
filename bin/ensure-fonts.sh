# Sourced by ./mvnw and ./parboot: headless chart rendering (XChart on AWT) needs fontconfig and a
# font. Only the commands that draw charts call parboot_ensure_fonts (parboot demo, bench,
# run --report, and a Maven build that runs the tests). When fontconfig or DejaVu is missing, it
# installs fontconfig and fonts-dejavu-core with apt-get if it runs as root on a machine with
# apt-get, saying so in one line on stderr, and otherwise says in one line what to install.
parboot_ensure_fonts() {
  if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi dejavu; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "parboot: installing fontconfig and fonts-dejavu-core (apt-get), the fonts charts are drawn with" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-dejavu-core) >/dev/null 2>&1 \
      || echo "parboot: warning: could not install fontconfig and fonts-dejavu-core; charts may fail" >&2
  else
    echo "parboot: warning: fontconfig or the DejaVu fonts are missing (apt-get install fontconfig fonts-dejavu-core); charts may fail" >&2
  fi
}

# True when the Maven arguments run the tests: a phase from test on (test, package, verify,
# install, deploy) without -DskipTests or -Dmaven.test.skip.
parboot_maven_runs_tests() {
  local a phase=false
  for a in "$@"; do
    case "$a" in
      -DskipTests|-DskipTests=true|-Dmaven.test.skip|-Dmaven.test.skip=true) return 1 ;;
      test|package|verify|install|deploy|integration-test) phase=true ;;
    esac
  done
  [ "$phase" = true ]
}
