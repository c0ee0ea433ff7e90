// Test-only: how many bytes the C heap holds, for leak tests (glibc's mallinfo2 is not visible to Swift).
#include <stddef.h>
size_t bk_heap_bytes_in_use(void);
