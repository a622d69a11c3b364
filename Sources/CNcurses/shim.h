// Macros and globals of ncursesw that Swift cannot import directly, wrapped as functions.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <ncursesw/curses.h>

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_color_pair(int n) { return COLOR_PAIR(n); }
static inline int nc_colors(void) { return COLORS; }
static inline void nc_set_escdelay(int ms) { set_escdelay(ms); }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }

// Attribute bits are macros over NCURSES_BITS, which Swift cannot import.
static inline attr_t nc_attributes(bool bold, bool dim, bool reverse, bool underline) {
    return (bold ? A_BOLD : 0) | (dim ? A_DIM : 0) | (reverse ? A_REVERSE : 0) | (underline ? A_UNDERLINE : 0);
}

// Draws one grapheme (up to CCHARW_MAX code points, NUL-terminated) at a cell of stdscr with an
// extended colour pair; building the cchar_t here keeps its layout out of Swift. Returns
// false only when ncurses cannot represent the text (the bottom-right cell reports ERR from
// mvwadd_wch although it is drawn, so that result is not a failure).
static inline bool nc_put_cell(int row, int column, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, 0, &pair) != OK) return false;
    mvwadd_wch(stdscr, row, column, &cell);
    return true;
}

// Draws the terminal's line-drawing character for `key`, its letter in terminfo's acsc string
// ('q' is ACS_HLINE, 'l' ACS_ULCORNER), at a cell of stdscr. ncurses sends it through the
// terminal's alternate character set, or an ASCII stand-in where there is none, so frames show
// whatever the locale: the way to draw lines when the system has no UTF-8 locale.
static inline void nc_put_acs(int row, int column, unsigned char key, attr_t attributes, int pair) {
    chtype glyph = NCURSES_ACS(key);
    wchar_t text[2] = { (wchar_t)(glyph & A_CHARTEXT), 0 };
    cchar_t cell;
    if (setcchar(&cell, text, attributes | (glyph & A_ATTRIBUTES), 0, &pair) != OK) return;
    mvwadd_wch(stdscr, row, column, &cell);
}

// The key code ncurses returns for a terminfo key capability such as "kLFT5", or 0.
static inline int nc_key_for_capability(const char *name) {
    const char *sequence = tigetstr(name);
    if (sequence == NULL || sequence == (const char *)-1) return 0;
    int code = key_defined(sequence);
    return code > 0 ? code : 0;
}

// Makes ncurses report `sequence` as one key code: the code it already has, or the first
// unused one from `first`. Returns 0 when none could be defined.
static inline int nc_bind_sequence(const char *sequence, int first) {
    int existing = key_defined(sequence);
    if (existing > 0) return existing;
    for (int code = first; code < first + 256; code++) {
        char *bound = keybound(code, 0);
        if (bound != NULL) { free(bound); continue; }
        return define_key(sequence, code) == OK ? code : 0;
    }
    return 0;
}

// newterm instead of initscr, which exits the process when TERM is unusable; stdin and stdout
// are C globals Swift 6 will not touch.
static inline SCREEN *nc_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline WINDOW *nc_curscr(void) { return curscr; }

// The C library's column count for a character, which is what ncurses advances by.
int wcwidth(wchar_t);
static inline int nc_wcwidth(wchar_t c) { return wcwidth(c); }
