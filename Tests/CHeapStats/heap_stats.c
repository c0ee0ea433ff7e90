#include "CHeapStats.h"
#include <stdlib.h>  // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
size_t bk_heap_bytes_in_use(void) { return mallinfo2().uordblks; }
#else
size_t bk_heap_bytes_in_use(void) { return 0; }
#endif
