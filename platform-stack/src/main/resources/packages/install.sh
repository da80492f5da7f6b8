#!/bin/sh
# install.sh PACKAGE [apt-get install option…] — installs a Debian package, as root, for a build or a command that
# found a tool of it missing (the caller checks first). The one way this project installs a package: web-console
# (Chromium, the root POM's package.install), platform-stack (Prometheus, PrometheusBinaries, from the classpath)
# and ./platform bench and floors (bench/lib.sh). Maven builds two modules at a time, so installs take this
# project's lock first, one after the other, and wait for dpkg's own lock when another program holds it (apt 2.6's
# update does not wait for the lists' lock with that option: hence a lock of our own).
set -e
package=$1
shift
[ "$(id -u)" -eq 0 ] || { echo "$package is missing: apt-get install $package (as root)" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
apt() { flock -w 900 /var/lock/territoires-apt.lock apt-get -o DPkg::Lock::Timeout=600 "$@"; }
apt install -y -qq "$@" "$package" || { apt update -qq && apt install -y -qq "$@" "$package"; }
