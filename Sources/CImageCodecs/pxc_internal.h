#ifndef PIXTERM_PXC_INTERNAL_H
#define PIXTERM_PXC_INTERNAL_H

// Helpers shared by the PNG and JPEG wrappers; not part of the module's public header.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// A growable output buffer owned by the encoder until it is handed to the caller.
typedef struct pxc_buffer {
    uint8_t *data;
    size_t length;
    size_t capacity;
} pxc_buffer;

/// Makes room for `extra` more bytes; false when memory runs out (the buffer stays valid).
bool pxc_buffer_reserve(pxc_buffer *buffer, size_t extra);

/// Writes a formatted message into err when err is non-NULL.
void pxc_message(char *err, size_t errlen, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

#endif
