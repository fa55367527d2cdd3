# Stand-in for OpenWrt's /lib/functions.sh inside a scratch root (IPKG_INSTROOT).
# It records every call in $IPKG_INSTROOT/functions.log and does, for the package's
# own parts, what base-files' default_postinst / default_prerm do when IPKG_INSTROOT
# is set: source <pkg>.postinst-pkg / <pkg>.prerm-pkg from the opkg info directory in
# a subshell (its status is the result) and enable / disable every /etc/init.d/ script
# in <pkg>.list through rc.common (recorded here, not run).

_record() {
	echo "$*" >> "$IPKG_INSTROOT/functions.log"
}

_pkg_script() {
	local root="$IPKG_INSTROOT" pkgname="$1" script="$2" action="$3" ret=0 i
	if [ -f "$root/usr/lib/opkg/info/$pkgname.$script" ]; then
		( . "$root/usr/lib/opkg/info/$pkgname.$script" )
		ret=$?
	fi
	for i in $(grep -s "^/etc/init.d/" "$root/usr/lib/opkg/info/$pkgname.list"); do
		_record rc.common "$root$i" "$action"
	done
	return $ret
}

default_postinst() {
	_record default_postinst "$@"
	_pkg_script "$(basename "${1%.*}")" postinst-pkg enable
}

default_prerm() {
	_record default_prerm "$@"
	_pkg_script "$(basename "${1%.*}")" prerm-pkg disable
}
