# Two commands on a fresh Debian/Ubuntu machine (README "For developers"):
#   make        build: Lua and JS into luci-app-splitwan/, the .ipk into dist/
#   make test   run every test (unit, Lua under lua5.1, package, browser, namespaces)
#   make demo   (root) see it work without a router: namespace bed, one verdict per check
# Both install what they need first (Debian packages, npm ci).

APT_PACKAGES := lua5.1 nftables iproute2 conntrack busybox iperf3 chromium openssl curl ca-certificates fonts-ipafont-gothic gettext

.PHONY: all build test deps bench demo clean

all: build

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-fund --no-audit; fi

build: deps
	npm run build

test: deps
	npm test

bench: deps
	npm run bench

# root only: builds the namespace test bed, enables splitwan, runs the data-plane checks
demo: deps
	npm run demo

clean:
	rm -rf build dist test-output
