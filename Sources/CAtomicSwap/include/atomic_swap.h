#ifndef PARLEY_ATOMIC_SWAP_H
#define PARLEY_ATOMIC_SWAP_H

/// Atomically exchanges two paths (both must exist) with renameat2(RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set on failure (ENOSYS/EINVAL where the kernel
/// or file system does not support the exchange).
int parley_exchange_paths(const char *a, const char *b);

#endif
