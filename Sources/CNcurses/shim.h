// Macros and globals of ncursesw that Swift cannot import directly, wrapped as functions.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_color_pair(int n) { return COLOR_PAIR(n); }
static inline int nc_colors(void) { return COLORS; }
static inline void nc_set_escdelay(int ms) { set_escdelay(ms); }
