/* The native half of `migflags annotate`'s scanner (see scanner.py, `_fast_forward`).
 *
 * Most `flags` lines of a libvirt debug log belong to other APIs: they start a record of their
 * own and carry no migration anchor, and the scanner's Python loop skips them without changing
 * its state. `Skipper.skip` runs those iterations of the loop here, with a vector search, and
 * hands back to Python at the first iteration that could do anything else. It never decides a
 * hit; it only says where the Python loop resumes, so the Python code stays the one definition
 * of which lines carry a value (tests/test_annotate_native.py holds the two equal).
 *
 * All the strings it looks for (the anchor, the `flags` word, the level words) come from
 * Python, which takes them from migflags.tables.log_sources. The one thing written here is the
 * shape of a record's start after its level word, `RECORD_TAIL`; scanner.py uses this module
 * only while the table's RECORD_START still has that shape.
 */
#define PY_SSIZE_T_CLEAN
#define _GNU_SOURCE
#include <Python.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The part of RECORD_START after `(?:level|...) : ` that `starts_record` checks, and the
 * FLAGS_VALUE that `bare_value` checks: scanner.py compares both with the table's. */
#define RECORD_TAIL "(?P<func>[A-Za-z_][A-Za-z0-9_]*):(?P<lineno>[0-9]+) : "
#define FLAGS_VALUE "flags=(?P<value>0[xX][0-9a-fA-F]{1,16}|[0-9a-fA-F]{1,16})(?![0-9A-Za-z_])"
#define MAX_LEVELS 8
#ifndef MIGFLAGS_SOURCE_CRC
#define MIGFLAGS_SOURCE_CRC 0UL /* hatch_build.py passes the CRC-32 of this file */
#endif

typedef struct {
    PyObject_HEAD
    PyObject *anchor;            /* bytes */
    PyObject *must;              /* bytes */
    PyObject *levels[MAX_LEVELS];  /* bytes, each a level word without " : " */
    Py_ssize_t nlevels;
    PyObject *names;             /* dict: function name (bytes) -> (str, source) or None */
    PyTypeObject *hit_type;      /* scanner.Hit, a tuple subclass */
    PyObject *bare_name;         /* str: the field name of a bare `flags=` */
} Skipper;

/* The first occurrence of needle[0:m] in s[start:end], or -1. The vector loops compare the
 * needle's first and last byte at 64 positions at a time and look closer only where both
 * agree (AVX2 when the processor has it, else SSE2, else memchr). */
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_AVX2_LOOP 1
/* The first match at p..last, or NULL with *rest set to where fewer than 64 places are left. */
__attribute__((target("avx2"))) static const char *
scan_avx2(const char *p, const char *last, const char *needle, Py_ssize_t m, const char **rest)
{
    const __m256i first = _mm256_set1_epi8(needle[0]);
    const __m256i final = _mm256_set1_epi8(needle[m - 1]);
    while (last - p >= 63) {
        const char *q = p + m - 1;
        __m256i lo = _mm256_and_si256(
            _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)p), first),
            _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)q), final));
        __m256i hi = _mm256_and_si256(
            _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(p + 32)), first),
            _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(q + 32)), final));
        if (!_mm256_testz_si256(_mm256_or_si256(lo, hi), _mm256_or_si256(lo, hi))) {
            unsigned long long mask = (unsigned)_mm256_movemask_epi8(lo)
                                      | ((unsigned long long)(unsigned)_mm256_movemask_epi8(hi) << 32);
            while (mask) {
                int bit = __builtin_ctzll(mask);
                if (m <= 2 || memcmp(p + bit + 1, needle + 1, (size_t)(m - 2)) == 0)
                    return p + bit;
                mask &= mask - 1;
            }
        }
        p += 64;
    }
    *rest = p;
    return NULL;
}
static int avx2 = -1;
#endif

static Py_ssize_t
find(const char *s, Py_ssize_t start, Py_ssize_t end, const char *needle, Py_ssize_t m)
{
    if (m <= 0)
        return start <= end ? start : -1;
    if (end - start < m)
        return -1;
    const char *p = s + start;
    const char *last = s + end - m; /* the last place the needle can start */
#ifdef HAVE_AVX2_LOOP
    if (avx2 < 0) {
        __builtin_cpu_init();
        avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
    }
    if (avx2 && last - p >= 63) {
        const char *hit = scan_avx2(p, last, needle, m, &p);
        if (hit != NULL)
            return hit - s;
    }
#endif
#ifdef __SSE2__
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i final = _mm_set1_epi8(needle[m - 1]);
    while (last - p >= 15) {
        __m128i a = _mm_loadu_si128((const __m128i *)p);
        __m128i b = _mm_loadu_si128((const __m128i *)(p + m - 1));
        unsigned mask = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, final)));
        while (mask) {
            int bit = __builtin_ctz(mask);
            if (m <= 2 || memcmp(p + bit + 1, needle + 1, (size_t)(m - 2)) == 0)
                return p + bit - s;
            mask &= mask - 1;
        }
        p += 16;
    }
#endif
    while (p <= last) {
        const char *hit = memchr(p, needle[0], (size_t)(last - p + 1));
        if (hit == NULL)
            return -1;
        if (memcmp(hit, needle, (size_t)m) == 0)
            return hit - s;
        p = hit + 1;
    }
    return -1;
}

/* The first byte of the line that holds s[at], not before `floor`. */
static Py_ssize_t
line_start(const char *s, Py_ssize_t floor, Py_ssize_t at)
{
#ifdef __GLIBC__
    const char *nl = memrchr(s + floor, '\n', (size_t)(at - floor));
    return nl == NULL ? floor : nl - s + 1;
#else
    while (at > floor && s[at - 1] != '\n')
        at--;
    return at;
#endif
}

/* The first " : " in s[start:end], or -1 (by its ':', which is rarer than a space). */
static Py_ssize_t
find_separator(const char *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t q = start + 1; /* the ':' of a separator within s[start:end] is in [q, end-1) */
    while (q < end - 1) {
        const char *c = memchr(s + q, ':', (size_t)(end - 1 - q));
        if (c == NULL)
            return -1;
        q = c - s;
        if (s[q - 1] == ' ' && s[q + 1] == ' ')
            return q - 1;
        q++;
    }
    return -1;
}

static int
is_word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Whether s[line:end] surely holds a record start: at its first " : ", a level word ends, and
 * RECORD_TAIL follows. False means "not sure" (the caller leaves the line to Python). When
 * true, the function name is s[*name:*name_end] (the regex's first match: no level word is a
 * suffix of another or holds a space, which scanner.py checks). */
static int
starts_record(const Skipper *self, const char *s, Py_ssize_t line, Py_ssize_t end,
              Py_ssize_t *name, Py_ssize_t *name_end, Py_ssize_t *tail_end)
{
    Py_ssize_t colon = find_separator(s, line, end);
    if (colon < 0)
        return 0;
    int level = 0;
    for (Py_ssize_t i = 0; i < self->nlevels && !level; i++) {
        Py_ssize_t n = PyBytes_GET_SIZE(self->levels[i]);
        level = colon - line >= n
                && memcmp(s + colon - n, PyBytes_AS_STRING(self->levels[i]), (size_t)n) == 0;
    }
    if (!level)
        return 0;
    Py_ssize_t p = colon + 3;
    unsigned char c = p < end ? (unsigned char)s[p] : 0;
    if (!(is_word(c) && !(c >= '0' && c <= '9')))
        return 0;
    *name = p;
    while (p < end && is_word((unsigned char)s[p]))
        p++;
    *name_end = p;
    if (p >= end || s[p] != ':')
        return 0;
    Py_ssize_t digits = ++p;
    while (p < end && s[p] >= '0' && s[p] <= '9')
        p++;
    *tail_end = p + 3;
    return p > digits && end - p >= 3 && memcmp(s + p, " : ", 3) == 0;
}

static Py_ssize_t
hex_run(const char *s, Py_ssize_t p, Py_ssize_t end)
{
    Py_ssize_t q = p;
    while (q < end && ((s[q] >= '0' && s[q] <= '9') || (s[q] >= 'a' && s[q] <= 'f')
                       || (s[q] >= 'A' && s[q] <= 'F')))
        q++;
    return q - p;
}

/* The first FLAGS_VALUE match in s[from:end] (a regex search with endpos=end): its start,
 * with the value in s[*value:*value_end]; -1 when there is none. */
static Py_ssize_t
flags_value(const Skipper *self, const char *s, Py_ssize_t from, Py_ssize_t end,
            Py_ssize_t *value, Py_ssize_t *value_end)
{
    const char *word = PyBytes_AS_STRING(self->must);
    Py_ssize_t n = PyBytes_GET_SIZE(self->must);
    for (Py_ssize_t at = find(s, from, end, word, n); at >= 0;
         at = find(s, at + 1, end, word, n)) {
        Py_ssize_t v = at + n;
        if (v >= end || s[v] != '=')
            continue;
        v++;
        /* 0x + 1..16 hex digits, else 1..16 hex digits; either not followed by a word byte
         * (backing off a hex digit never helps: a hex digit is a word byte) */
        if (end - v >= 2 && s[v] == '0' && (s[v + 1] == 'x' || s[v + 1] == 'X')) {
            Py_ssize_t run = hex_run(s, v + 2, end);
            Py_ssize_t stop = v + 2 + run;
            if (run >= 1 && run <= 16 && (stop >= end || !is_word((unsigned char)s[stop]))) {
                *value = v;
                *value_end = stop;
                return at;
            }
        }
        Py_ssize_t run = hex_run(s, v, end);
        if (run > 16)
            run = 16;
        Py_ssize_t stop = v + run;
        if (run >= 1 && (stop >= end || !is_word((unsigned char)s[stop]))) {
            *value = v;
            *value_end = stop;
            return at;
        }
    }
    return -1;
}

/* The last " : " in s[start:end], or -1. */
static Py_ssize_t
rfind_separator(const char *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t q = end - 1; /* the ':' of a separator within s[start:end] is in [start+1, q) */
    while (q > start + 1) {
#ifdef __GLIBC__
        const char *c = memrchr(s + start + 1, ':', (size_t)(q - start - 1));
        if (c == NULL)
            return -1;
        q = c - s;
#else
        q--;
        if (s[q] != ':')
            continue;
#endif
        if (s[q - 1] == ' ' && s[q + 1] == ' ')
            return q - 1;
    }
    return -1;
}

/* The record left open by the lines s[start:stop] (none of them a `flags` line the scanner
 * stopped at), as scanner._state_after finds it with no record open before them: the row
 * `names` gives for a migration function whose record start holds no flags value, or
 * Py_None. NULL when that takes Python to decide (no exception is set). Borrowed. */
static PyObject *
state_after(const Skipper *self, const char *s, Py_ssize_t start, Py_ssize_t stop)
{
    Py_ssize_t colon = rfind_separator(s, start, stop);
    if (colon < 0)
        return Py_None;
    Py_ssize_t line = line_start(s, start, colon);
    const char *nl = memchr(s + colon, '\n', (size_t)(stop - colon));
    Py_ssize_t after = nl == NULL ? stop : nl - s + 1;
    Py_ssize_t content = s[after - 1] == '\n' ? after - 1 : after;
    if (content > line && s[content - 1] == '\r')
        content--;
    Py_ssize_t name, name_end, tail_end;
    if (!starts_record(self, s, line, content, &name, &name_end, &tail_end))
        return NULL; /* not surely a record start: Python goes on looking back */
    Py_ssize_t anchor = find(s, line, content, PyBytes_AS_STRING(self->anchor),
                             PyBytes_GET_SIZE(self->anchor));
    if (anchor < 0)
        return Py_None;
    if (!(name <= anchor && anchor < name_end))
        return NULL;
    PyObject *key = PyBytes_FromStringAndSize(s + name, name_end - name);
    if (key == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *known = PyDict_GetItemWithError(self->names, key);
    Py_DECREF(key);
    if (known == NULL) {
        PyErr_Clear();
        return NULL;
    }
    Py_ssize_t value, value_end;
    if (known != Py_None && flags_value(self, s, tail_end, content, &value, &value_end) >= 0)
        return NULL; /* a value on the record's first line: Python decides */
    return known;
}

static PyObject *
skipper_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *anchor, *must, *levels, *names, *hit_type, *bare_name;
    static char *keywords[] = {"anchor", "must", "levels", "names", "hit", "bare_name", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "SSO!O!O!U:Skipper", keywords, &anchor, &must,
                                     &PyTuple_Type, &levels, &PyDict_Type, &names,
                                     &PyType_Type, &hit_type, &bare_name))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(levels);
    if (n > MAX_LEVELS || PyBytes_GET_SIZE(anchor) == 0 || PyBytes_GET_SIZE(must) == 0
        || !PyType_IsSubtype((PyTypeObject *)hit_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_ValueError,
                        "Skipper: empty anchor or must, too many levels, or hit not a tuple type");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyBytes_Check(PyTuple_GET_ITEM(levels, i))) {
            PyErr_SetString(PyExc_TypeError, "Skipper: levels must be bytes");
            return NULL;
        }
    }
    Skipper *self = (Skipper *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->anchor = Py_NewRef(anchor);
    self->must = Py_NewRef(must);
    for (Py_ssize_t i = 0; i < n; i++)
        self->levels[i] = Py_NewRef(PyTuple_GET_ITEM(levels, i));
    self->nlevels = n;
    self->names = Py_NewRef(names);
    self->hit_type = (PyTypeObject *)Py_NewRef(hit_type);
    self->bare_name = Py_NewRef(bare_name);
    return (PyObject *)self;
}

static void
skipper_dealloc(Skipper *self)
{
    Py_XDECREF(self->anchor);
    Py_XDECREF(self->must);
    for (Py_ssize_t i = 0; i < self->nlevels; i++)
        Py_XDECREF(self->levels[i]);
    Py_XDECREF(self->names);
    Py_XDECREF(self->hit_type);
    Py_XDECREF(self->bare_name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* scanner.Hit(start, end, stop, function, field, text, source), appended to `hits`. */
static int
add_hit(Skipper *self, PyObject *hits, const char *s, Py_ssize_t line, Py_ssize_t end,
        Py_ssize_t after, PyObject *known, Py_ssize_t value, Py_ssize_t value_end)
{
    PyObject *hit = self->hit_type->tp_alloc(self->hit_type, 7);
    if (hit == NULL)
        return -1;
    Py_INCREF(known); /* a borrowed row, held across allocations that may run a collection */
    PyObject *items[3] = {PyLong_FromSsize_t(line), PyLong_FromSsize_t(end),
                          PyLong_FromSsize_t(after)};
    PyObject *text = PyBytes_FromStringAndSize(s + value, value_end - value);
    for (int i = 0; i < 3; i++)
        PyTuple_SET_ITEM(hit, i, items[i]);
    PyTuple_SET_ITEM(hit, 3, Py_NewRef(PyTuple_GET_ITEM(known, 0)));
    PyTuple_SET_ITEM(hit, 4, Py_NewRef(self->bare_name));
    PyTuple_SET_ITEM(hit, 5, text);
    PyTuple_SET_ITEM(hit, 6, Py_NewRef(PyTuple_GET_ITEM(known, 1)));
    int status = !items[0] || !items[1] || !items[2] || !text || PyList_Append(hits, hit) < 0
                 ? -1 : 0;
    Py_DECREF(hit);
    Py_DECREF(known);
    return status;
}

/* skip(buf, pos, size, anchor, hits) -> (pos, anchor)
 *
 * The scanner's loop with no record open, from `pos` with its `anchor` variable, run for as
 * long as each iteration is one of the two kinds done here:
 *   - a `flags` line that surely starts a record and holds no anchor: passed;
 *   - a `flags` line that surely starts a record of a function the scanner already knows
 *     (`names`), whose first anchor is in that name: passed when the function takes no
 *     migration flags, else its first FLAGS_VALUE, when bare, is appended to `hits`.
 * Returns the loop's `pos` and `anchor` at the first iteration of another kind (or at the
 * end of the lines), for the Python loop to run that one. */
static PyObject *
skipper_skip(Skipper *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5 || !PyList_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "skip(buf, pos, size, anchor, hits: list)");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_ssize_t numbers[3];
    for (int i = 0; i < 3; i++) {
        numbers[i] = PyLong_AsSsize_t(args[i + 1]);
        if (numbers[i] == -1 && PyErr_Occurred()) {
            PyBuffer_Release(&view);
            return NULL;
        }
    }
    Py_ssize_t pos = numbers[0], size = numbers[1], anchor = numbers[2];
    PyObject *hits = args[4];
    if (pos < 0 || size > view.len || pos > size) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "skip: pos and size out of the buffer");
        return NULL;
    }
    const char *s = view.buf;
    const char *anchor_s = PyBytes_AS_STRING(self->anchor);
    Py_ssize_t anchor_n = PyBytes_GET_SIZE(self->anchor);
    const char *must_s = PyBytes_AS_STRING(self->must);
    Py_ssize_t must_n = PyBytes_GET_SIZE(self->must);
    int failed = 0;

    while (pos < size) {
        Py_ssize_t found = anchor;
        if (found < pos) {
            found = find(s, pos, size, anchor_s, anchor_n);
            if (found < 0)
                break; /* Python finds none either and ends */
        }
        Py_ssize_t at = find(s, found, size, must_s, must_n);
        if (at < 0)
            break;
        Py_ssize_t line = line_start(s, pos, at);
        const char *nl = memchr(s + at, '\n', (size_t)(size - at));
        Py_ssize_t end, after;
        if (nl == NULL) {
            end = after = size;
        } else {
            after = nl - s + 1;
            end = nl - s;
            if (s[end - 1] == '\r')
                end--;
        }
        Py_ssize_t name, name_end, tail_end;
        if (!starts_record(self, s, line, end, &name, &name_end, &tail_end)) {
            /* A line with no " : " starts no record: it continues the record the lines
             * before it left open, if any. Anything else is for Python to decide. */
            if (line <= pos || find_separator(s, line, end) >= 0)
                break;
            PyObject *known = state_after(self, s, pos, line);
            if (known == NULL || known == Py_None || !PyTuple_Check(known)
                || PyTuple_GET_SIZE(known) != 2)
                break;
            Py_ssize_t value, value_end;
            Py_ssize_t field = flags_value(self, s, line, end, &value, &value_end);
            if (field < 0 || (field > 0 && is_word((unsigned char)s[field - 1])))
                break; /* no bare `flags=` first: Python decides */
            if (add_hit(self, hits, s, line, end, after, known, value, value_end) < 0) {
                failed = 1;
                break;
            }
            /* the Python loop would set: state = None, pos = after (anchor as found) */
            anchor = found;
            pos = after;
            continue;
        }
        Py_ssize_t next = found;
        if (next < line)
            next = find(s, line, size, anchor_s, anchor_n);
        if (next >= 0 && next < end) {
            /* the anchor is on this line */
            if (!(name <= next && next < name_end))
                break;
            PyObject *key = PyBytes_FromStringAndSize(s + name, name_end - name);
            if (key == NULL) {
                failed = 1;
                break;
            }
            PyObject *known = PyDict_GetItemWithError(self->names, key);
            Py_DECREF(key);
            if (known == NULL) {
                failed = PyErr_Occurred() != NULL;
                break; /* a new name (or an error): Python decides */
            }
            if (known != Py_None) {
                Py_ssize_t value, value_end;
                Py_ssize_t field = flags_value(self, s, name_end, end, &value, &value_end);
                if (field < 0 || is_word((unsigned char)s[field - 1])
                    || !PyTuple_Check(known) || PyTuple_GET_SIZE(known) != 2)
                    break; /* no bare `flags=` on the line: Python decides */
                if (add_hit(self, hits, s, line, end, after, known, value, value_end) < 0) {
                    failed = 1;
                    break;
                }
            }
        }
        /* the Python loop would set: state = None, anchor = next, pos = after */
        anchor = next;
        pos = after;
        if (next < 0)
            break;
    }
    PyBuffer_Release(&view);
    if (failed)
        return NULL;
    return Py_BuildValue("(nn)", pos, anchor);
}

static PyMethodDef skipper_methods[] = {
    {"skip", (PyCFunction)(void (*)(void))skipper_skip, METH_FASTCALL,
     "skip(buf, pos, size, anchor, hits) -> (pos, anchor): run the scanner's common iterations."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject SkipperType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "migflags.annotate._native.Skipper",
    .tp_basicsize = sizeof(Skipper),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Skipper(anchor, must, levels, names, hit, bare_name): the scanner's loop, in C.",
    .tp_new = skipper_new,
    .tp_dealloc = (destructor)skipper_dealloc,
    .tp_methods = skipper_methods,
};

/* find(buf, needle, start, end) -> int: `find` above, for the tests. */
static PyObject *
native_find(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer hay, needle;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "y*y*nn:find", &hay, &needle, &start, &end))
        return NULL;
    Py_ssize_t found = -1;
    if (start >= 0 && start <= end && end <= hay.len)
        found = find(hay.buf, start, end, needle.buf, needle.len);
    PyBuffer_Release(&hay);
    PyBuffer_Release(&needle);
    return PyLong_FromSsize_t(found);
}

static PyMethodDef native_methods[] = {
    {"find", native_find, METH_VARARGS, "find(buf, needle, start, end) -> int (-1: none)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef native_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_native",
    .m_doc = "The common iterations of annotate's scanner loop, in C (see scanner.py).",
    .m_size = -1,
    .m_methods = native_methods,
};

PyMODINIT_FUNC
PyInit__native(void)
{
    if (PyType_Ready(&SkipperType) < 0)
        return NULL;
    PyObject *module = PyModule_Create(&native_module);
    if (module == NULL)
        return NULL;
    PyObject *crc = PyLong_FromUnsignedLong(MIGFLAGS_SOURCE_CRC);
    int bad = crc == NULL || PyModule_AddObjectRef(module, "SOURCE_CRC", crc) < 0
              || PyModule_AddObjectRef(module, "Skipper", (PyObject *)&SkipperType) < 0
              || PyModule_AddStringConstant(module, "RECORD_TAIL", RECORD_TAIL) < 0
              || PyModule_AddStringConstant(module, "FLAGS_VALUE", FLAGS_VALUE) < 0;
    Py_XDECREF(crc);
    if (bad) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
