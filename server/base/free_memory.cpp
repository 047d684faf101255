#include "server/base/free_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace parley::server {

void give_back_free_memory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace parley::server
