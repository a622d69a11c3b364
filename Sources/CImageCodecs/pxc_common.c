#include "pxc_internal.h"
#include "CImageCodecs.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

bool pxc_buffer_reserve(pxc_buffer *buffer, size_t extra) {
    if (buffer->capacity - buffer->length >= extra) return true;
    size_t capacity = buffer->capacity ? buffer->capacity : 65536;
    while (capacity - buffer->length < extra) {
        if (capacity > SIZE_MAX / 2) return false;
        capacity *= 2;
    }
    uint8_t *grown = realloc(buffer->data, capacity);
    if (!grown) return false;
    buffer->data = grown;
    buffer->capacity = capacity;
    return true;
}

void pxc_message(char *err, size_t errlen, const char *format, ...) {
    if (!err || errlen == 0) return;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(err, errlen, format, arguments);
    va_end(arguments);
}

void pxc_free(void *pointer) { free(pointer); }
