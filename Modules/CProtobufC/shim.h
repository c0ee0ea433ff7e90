// The system protobuf-c runtime (Debian: libprotobuf-c-dev). Owned by nobody here: we only link it.
#include <protobuf-c/protobuf-c.h>
