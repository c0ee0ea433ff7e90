// The system libsodium (Debian: libsodium-dev): Argon2id password hashes and Ed25519 signatures.
#include <sodium.h>
