#pragma once
// Work spread over the machine's cores.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kith {

// Runs work(i) for every i below n, on up to as many threads as the machine has cores (at most
// eight; on this thread alone when n is small). `work` must be safe to call from several threads.
// Each thread takes the next i not taken yet: on a busy machine, a thread the system leaves
// waiting holds up no share of the work.
template <typename Work>
void run_parallel(size_t n, const Work& work) {
    const size_t threads = std::min<size_t>(std::max(1U, std::thread::hardware_concurrency()), 8);
    if (n < 64 || threads == 1) {
        for (size_t i = 0; i < n; ++i) work(i);
        return;
    }
    std::atomic<size_t> next{0};
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (size_t i = next++; i < n; i = next++) work(i);
        });
    for (auto& thread : pool) thread.join();
}

}  // namespace kith
