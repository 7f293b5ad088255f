# The README's commands over CMake: deps, build, demo, test, install.
# `make demo` installs what building needs from Debian's packages first, `make test` also the
# programs the tests run.
# `make test` builds with g++ and runs the unit tests and the CLI suites whose time goes to
# terminals, servers and git or that bound time and memory; then builds with clang under
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the unit tests and every other CLI suite
# (tests/CMakeLists.txt says which runs where); then each fuzz target briefly over its corpus.
# The fuzz targets are built in the sanitizer build, so that CI compiles kith twice, not three times.
PREFIX ?= /usr/local
BUILD ?= build
CMAKE_FLAGS ?= -DKITH_WERROR=ON
# The working and test builds keep line tables only (-g1): a stack trace (a sanitizer's, gdb's
# bt) still names file and line, and the compiler writes a quarter less (one batch of files:
# 40 s with -g, 29 s with -g1). For a debugger's whole view, configure a folder of your own with
# -DCMAKE_BUILD_TYPE=Debug.
PLAIN_FLAGS = "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_TODAY ?= 2026-11-28
SANITIZE_BUILD ?= build-sanitize
FUZZ_SECONDS ?= 20
INSTALL_BUILD ?= build-install
# `make install PREFIX=~/.local` works even where the shell passes the ~ through.
PREFIX_DIR = $(patsubst ~%,$(HOME)%,$(PREFIX))
# ccache, when present, makes the three builds cheap to repeat; it is never required.
LAUNCHER = $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Ninja (from `make deps`) compiles every floor's files at once, where make's CMake files build
# one library after the other and leave a core idle between them. A build folder keeps the
# generator it was made with. (Expanded when a recipe runs, so after `make deps` installed ninja.)
GENERATOR = $(if $(wildcard $(1)/CMakeCache.txt),,$(if $(shell command -v ninja 2>/dev/null),-G Ninja))
# Configures build folder $(1) with the extra options $(2).
configure = cmake -S . -B $(1) $(call GENERATOR,$(1)) $(2) $(LAUNCHER)

# What building kith needs, all from Debian: `make deps` (and `make demo`) install these only.
BUILD_PACKAGES = cmake ninja-build g++ make pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev \
  libhowardhinnant-date-dev doctest-dev nlohmann-json3-dev libutf8proc-dev libcsv-dev \
  libnotmuch-dev libical-dev
# What the tests run besides (real programs that read what kith writes): `make test` adds these.
TEST_PACKAGES = git bats bats-assert bats-support python3 python3-icalendar python3-yaml python3-vobject \
  python3-pil python3-dateutil khal calcurse khard zsh fish tmux man-db hyperfine chromium \
  clang libclang-rt-14-dev radicale vdirsyncer curl notmuch
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build demo test test-plain test-sanitize test-fuzz install clean bench fuzz-long

all: build

# Installs the packages of $(1) that are missing, with apt-get's options $(2).
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) $$missing; \
	fi
endef

# Without what they only recommend: on a bare Debian 12, 117 packages (117 MB) instead of 162 (137 MB:
# image codecs, X11 libraries, manual pages), none of which building uses.
deps:
	$(call install_missing,$(BUILD_PACKAGES),--no-install-recommends)

test-deps: deps
	$(call install_missing,$(TEST_PACKAGES))

$(BUILD)/CMakeCache.txt:
	$(call configure,$(BUILD),$(CMAKE_FLAGS) $(PLAIN_FLAGS))

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The demo builds the command alone, as `make install` does and in its folder, so that an install
# after the demo compiles nothing again: the tests and their tools come with `make test`.
demo: deps
	$(INSTALL_CONFIGURE)
	cmake --build $(INSTALL_BUILD) -j $(JOBS) --target kith
	@echo "== kith due on examples/network, as of $(DEMO_TODAY)"
	@NO_COLOR= $(INSTALL_BUILD)/cmd/kith --dir examples/network --today $(DEMO_TODAY) due --within 7d || [ $$? -eq 1 ]
	@echo
	@echo "== kith list"
	@$(INSTALL_BUILD)/cmd/kith --dir examples/network --today $(DEMO_TODAY) list

test: test-plain test-sanitize test-fuzz

# Configured again: a build folder made before the test tools were installed finds them now.
test-plain: test-deps
	@echo "== test-plain: started at $$(date +%T)"
	$(call configure,$(BUILD),$(CMAKE_FLAGS) $(PLAIN_FLAGS))
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE sanitized

# One clang build with the sanitizers, at -O1 (cmake/warnings.cmake), for the suite and the fuzz targets.
SANITIZE_CONFIGURE = $(call configure,$(SANITIZE_BUILD),$(CMAKE_FLAGS) -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g1" -DKITH_SANITIZE=ON -DKITH_FUZZ=ON)

# The unit tests again and the CLI suites, every finding fatal; without the suites labelled
# slow, whose time goes to processes, terminals and git rather than to kith's code. Each CLI suite
# runs once, in the build where it finds most (tests/CMakeLists.txt: labels slow, bounds, sanitized).
test-sanitize: test-deps
	@echo "== test-sanitize: started at $$(date +%T)"
	$(SANITIZE_CONFIGURE)
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS) -LE slow

# Every fuzz_* target, FUZZ_SECONDS each, over fuzz/corpus/<target>/ when there is one.
test-fuzz: test-deps
	@echo "== test-fuzz: started at $$(date +%T)"
	$(SANITIZE_CONFIGURE)
	.ci/fuzz $(SANITIZE_BUILD) $(FUZZ_SECONDS) $(JOBS)

# The long, exploring runs (not part of make test): every target FUZZ_LONG_SECONDS each.
FUZZ_LONG_SECONDS ?= 600
fuzz-long: test-deps
	$(SANITIZE_CONFIGURE)
	FUZZ_RUNS=-1 FUZZ_SEED=0 .ci/fuzz $(SANITIZE_BUILD) $(FUZZ_LONG_SECONDS) $(JOBS)

# A build of its own: optimised, no tests and no test hooks, and a stripped binary; made once, so
# its batches of the unity build are twice as large as a working build's. At -O2, as the
# tested build (RelWithDebInfo) and Debian's packages are: GCC 12.2 at -O3 warns falsely of
# overlapping copies in `"x" + std::string` (-Wrestrict, GCC bug 105329). Warnings are errors, so
# that none comes back.
INSTALL_CONFIGURE = $(call configure,$(INSTALL_BUILD),-DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DKITH_TESTS=OFF -DKITH_WERROR=ON -DKITH_UNITY_BATCH_SIZE=32)
install:
	$(INSTALL_CONFIGURE)
	cmake --build $(INSTALL_BUILD) -j $(JOBS) --target kith
	cmake --install $(INSTALL_BUILD) --prefix $(PREFIX_DIR) --strip

bench: test-deps build
	bench/run

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(INSTALL_BUILD)
