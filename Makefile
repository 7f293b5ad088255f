# The README's commands over CMake: deps, build, demo, test, install.
# `make demo` and `make test` install what is missing from Debian's packages first.
PREFIX ?= /usr/local
BUILD ?= build
CMAKE_FLAGS ?= -DKITH_WERROR=ON
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_TODAY ?= 2026-11-28

# Build and test dependencies, all from Debian.
PACKAGES = cmake g++ make pkg-config git libcli11-dev libyaml-cpp-dev libfmt-dev \
  libhowardhinnant-date-dev doctest-dev nlohmann-json3-dev libutf8proc-dev \
  bats bats-assert bats-support python3 python3-icalendar zsh fish man-db hyperfine \
  libcsv-dev python3-vobject khard
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo test install clean bench

all: build

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: deps build
	@echo "== kith due on examples/network, as of $(DEMO_TODAY)"
	@NO_COLOR= $(BUILD)/cmd/kith --dir examples/network --today $(DEMO_TODAY) due --within 7d || [ $$? -eq 1 ]
	@echo
	@echo "== kith list"
	@$(BUILD)/cmd/kith --dir examples/network --today $(DEMO_TODAY) list

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

bench: build
	bench/run

clean:
	rm -rf $(BUILD)
