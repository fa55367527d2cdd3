# Stand-in for OpenWrt's /lib/functions.sh inside a scratch root (IPKG_INSTROOT), as
# base-files has it for both package managers (25.12: opkg or apk). It records every call
# in $IPKG_INSTROOT/functions.log and does, for the package's own parts, what
# default_postinst / default_prerm do when IPKG_INSTROOT is set: source <pkg>.postinst-pkg
# / <pkg>.prerm-pkg from the opkg info directory in a subshell (its status is the result;
# apk packages carry that text inline in their scripts instead) and enable / disable every
# /etc/init.d/ script of the package's file list (apk's lib/apk/packages/<pkg>.list, else
# opkg's <pkg>.list) through rc.common (recorded here, not run). The package name is
# $pkgname when the caller exported it (apk's wrappers do), else taken from $1 (opkg's).

_record() {
	echo "$*" >> "$IPKG_INSTROOT/functions.log"
}

_pkg_script() {
	local root="$IPKG_INSTROOT" pkgname="$1" script="$2" action="$3" ret=0 i
	local filelist="$root/usr/lib/opkg/info/$pkgname.list"
	[ -f "$root/lib/apk/packages/$pkgname.list" ] && filelist="$root/lib/apk/packages/$pkgname.list"
	if [ -f "$root/usr/lib/opkg/info/$pkgname.$script" ]; then
		( . "$root/usr/lib/opkg/info/$pkgname.$script" )
		ret=$?
	fi
	for i in $(grep -s "^/etc/init.d/" "$filelist"); do
		_record rc.common "$root$i" "$action"
	done
	return $ret
}

add_group_and_user() {
	_record add_group_and_user "${pkgname:-$1}"
}

default_postinst() {
	_record default_postinst "$@"
	_pkg_script "${pkgname:-$(basename "${1%.*}")}" postinst-pkg enable
}

default_prerm() {
	_record default_prerm "$@"
	_pkg_script "${pkgname:-$(basename "${1%.*}")}" prerm-pkg disable
}
