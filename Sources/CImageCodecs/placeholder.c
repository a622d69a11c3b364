#include "CImageCodecs.h"
int cimage_placeholder(void) { return 0; }
