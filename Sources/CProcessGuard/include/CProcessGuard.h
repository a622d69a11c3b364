#ifndef CPROCESSGUARD_H
#define CPROCESSGUARD_H

/// Keeps the API key out of core dumps: sets RLIMIT_CORE to 0 (soft and hard, so a child cannot
/// raise it again) and, on Linux, marks the process not dumpable, which also stops other
/// processes of the same user from reading its memory through ptrace or /proc/PID/mem.
/// `prctl` is variadic, so Swift cannot call it: hence this C function.
/// Returns 0, or the errno of the first call that failed.
int pxg_disable_core_dumps(void);

#endif
