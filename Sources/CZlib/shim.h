// zlib, for reading the gzip snapshot compiled into graphperm (Debian: zlib1g-dev).
#include <zlib.h>
