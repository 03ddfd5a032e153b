// A fixed-capacity single-producer single-consumer queue, so the audio callback can take
// commands from (and hand records back to) other threads without ever waiting on a lock.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <utility>

namespace unknot {

template <typename T, size_t Capacity>
class SpscRing {
  static_assert(Capacity >= 2 && (Capacity & (Capacity - 1)) == 0,
                "capacity must be a power of two");

 public:
  // Producer side. False when full: the caller decides what to drop, nothing waits.
  bool push(T value) {
    const size_t tail = m_tail.load(std::memory_order_relaxed);
    if (tail - m_head.load(std::memory_order_acquire) == Capacity) return false;
    m_slots[tail & (Capacity - 1)] = std::move(value);
    m_tail.store(tail + 1, std::memory_order_release);
    return true;
  }

  // Consumer side. The slot is reset so shared resources are released by the consumer.
  bool pop(T& out) {
    const size_t head = m_head.load(std::memory_order_relaxed);
    if (head == m_tail.load(std::memory_order_acquire)) return false;
    out = std::exchange(m_slots[head & (Capacity - 1)], T{});
    m_head.store(head + 1, std::memory_order_release);
    return true;
  }

 private:
  std::array<T, Capacity> m_slots{};
  alignas(64) std::atomic<size_t> m_head{0};
  alignas(64) std::atomic<size_t> m_tail{0};
};

}  // namespace unknot
