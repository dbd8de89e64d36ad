# Sourced by ./mvnw and ./parboot: headless chart rendering (XChart on AWT) needs fontconfig and a
# font. Installs fontconfig and fonts-dejavu-core with apt-get when they are missing and we may.
parboot_ensure_fonts() {
  if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi dejavu; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "parboot: installing fontconfig and fonts-dejavu-core for headless charts..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-dejavu-core) >/dev/null 2>&1 \
      || echo "parboot: warning: could not install fontconfig/fonts-dejavu-core; charts may fail" >&2
  else
    echo "parboot: warning: fontconfig or DejaVu fonts missing (apt-get install fontconfig fonts-dejavu-core); charts may fail" >&2
  fi
}
