// Returning freed memory to the system. glibc keeps what big short-lived buffers freed (a
// snapshot's JSON tree, start-up's replay) for reuse, so the process's RSS stays at its peak
// unless asked; after such a peak the server asks.
#pragma once

namespace parley::server {

void give_back_free_memory();

}  // namespace parley::server
