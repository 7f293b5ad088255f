# The README's commands over CMake: deps, build, demo, test, install.
# `make demo` and `make test` install what is missing from Debian's packages first.
# `make test` runs the whole suite, then again under AddressSanitizer and
# UndefinedBehaviorSanitizer, then each fuzz target briefly over its corpus (clang).
PREFIX ?= /usr/local
BUILD ?= build
CMAKE_FLAGS ?= -DKITH_WERROR=ON
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_TODAY ?= 2026-11-28
SANITIZE_BUILD ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 20
INSTALL_BUILD ?= build-install
# `make install PREFIX=~/.local` works even where the shell passes the ~ through.
PREFIX_DIR = $(patsubst ~%,$(HOME)%,$(PREFIX))
# ccache, when present, makes the three builds cheap to repeat; it is never required.
LAUNCHER = $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# Build and test dependencies, all from Debian.
PACKAGES = cmake g++ make pkg-config git libcli11-dev libyaml-cpp-dev libfmt-dev \
  libhowardhinnant-date-dev doctest-dev nlohmann-json3-dev libutf8proc-dev \
  bats bats-assert bats-support python3 python3-icalendar khal calcurse zsh fish tmux man-db hyperfine \
  chromium python3-pil python3-yaml clang libclang-rt-14-dev libcsv-dev python3-vobject khard \
  radicale vdirsyncer curl \
  notmuch libnotmuch-dev libical-dev python3-dateutil
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo test test-plain test-sanitize test-fuzz install clean bench fuzz-long

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
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) $(LAUNCHER)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: deps build
	@echo "== kith due on examples/network, as of $(DEMO_TODAY)"
	@NO_COLOR= $(BUILD)/cmd/kith --dir examples/network --today $(DEMO_TODAY) due --within 7d || [ $$? -eq 1 ]
	@echo
	@echo "== kith list"
	@$(BUILD)/cmd/kith --dir examples/network --today $(DEMO_TODAY) list

test: test-plain test-sanitize test-fuzz

test-plain: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite (unit and CLI) again, every finding fatal.
test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) $(CMAKE_FLAGS) -DKITH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(LAUNCHER)
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# Every fuzz_* target, FUZZ_SECONDS each, over fuzz/corpus/<target>/ when there is one.
test-fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) $(CMAKE_FLAGS) -DCMAKE_CXX_COMPILER=clang++ -DKITH_FUZZ=ON -DKITH_TESTS=OFF $(LAUNCHER)
	.ci/fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS) $(JOBS)

# The long, exploring runs (not part of make test): every target FUZZ_LONG_SECONDS each.
FUZZ_LONG_SECONDS ?= 600
fuzz-long: deps
	cmake -S . -B $(FUZZ_BUILD) $(CMAKE_FLAGS) -DCMAKE_CXX_COMPILER=clang++ -DKITH_FUZZ=ON -DKITH_TESTS=OFF $(LAUNCHER)
	FUZZ_RUNS=-1 FUZZ_SEED=0 .ci/fuzz $(FUZZ_BUILD) $(FUZZ_LONG_SECONDS) $(JOBS)

# A build of its own: optimised, no tests and no test hooks, and a stripped binary.
install:
	cmake -S . -B $(INSTALL_BUILD) -DCMAKE_BUILD_TYPE=Release -DKITH_TESTS=OFF $(LAUNCHER)
	cmake --build $(INSTALL_BUILD) -j $(JOBS) --target kith
	cmake --install $(INSTALL_BUILD) --prefix $(PREFIX_DIR) --strip

bench: build
	bench/run

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD) $(INSTALL_BUILD)
