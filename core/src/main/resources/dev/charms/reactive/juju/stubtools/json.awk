# JSON helpers for the stub hook tools (POSIX awk; run with LC_ALL=C so text is handled as bytes).
# Everything happens in BEGIN; ARGV[1] names the operation:
#   record WORD...              one calls.log line: the words joined by tabs, with \ tab newline CR escaped
#   string TEXT                 TEXT as a JSON string
#   status STATE MESSAGE        {"status":STATE,"message":MESSAGE,"status-data":{}}
#   list                        standard input's lines as a JSON list of strings
#   get FILE KEY                the value of KEY in the flat JSON object in FILE, as JSON (null if absent)
#   merge FILE EXTRA DROP K=V...  FILE's flat object, updated from the object in file EXTRA (if not empty)
#                               and then from the K=V pairs; a null value removes its key, and so does an
#                               empty one (from either) when DROP is 1; prints the result
# A flat object maps keys to strings (numbers and booleans are kept as their text). Errors go to stderr
# with exit code 2.
BEGIN {
    for (i = 1; i < 32; i++) CONTROL[sprintf("%c", i)] = i
    op = ARGV[1]
    if (op == "record") {
        line = ""
        for (i = 2; i < ARGC; i++) line = line (i > 2 ? "\t" : "") escape_record(ARGV[i])
        print line
    } else if (op == "string") {
        print quote(ARGV[2])
    } else if (op == "status") {
        print "{\"status\":" quote(ARGV[2]) ",\"message\":" quote(ARGV[3]) ",\"status-data\":{}}"
    } else if (op == "list") {
        out = ""
        count = 0
        ARGV[1] = ""
        while ((getline line) > 0) out = out (count++ ? "," : "") quote(line)
        print "[" out "]"
    } else if (op == "get") {
        n = read_object(ARGV[2], keys, values, nulls)
        answer = "null"
        for (i = 1; i <= n; i++) if (keys[i] == ARGV[3] && !(i in nulls)) answer = quote(values[i])
        print answer
    } else if (op == "merge") {
        n = read_object(ARGV[2], keys, values, nulls)
        for (i in nulls) GONE[i] = 1
        if (ARGV[3] != "") {
            m = read_object(ARGV[3], extra_keys, extra_values, extra_nulls)
            for (i = 1; i <= m; i++) {
                n = put(keys, values, n, extra_keys[i], extra_values[i], (i in extra_nulls) || (ARGV[4] == 1 && extra_values[i] == ""))
            }
        }
        for (i = 5; i < ARGC; i++) {
            eq = index(ARGV[i], "=")
            if (eq < 2) fail("argument \"" ARGV[i] "\" must be of the form key=value")
            value = substr(ARGV[i], eq + 1)
            n = put(keys, values, n, substr(ARGV[i], 1, eq - 1), value, ARGV[4] == 1 && value == "")
        }
        out = ""
        count = 0
        for (i = 1; i <= n; i++) if (!(i in GONE)) out = out (count++ ? "," : "") quote(keys[i]) ":" quote(values[i])
        print "{" out "}"
    } else {
        fail("unknown operation " op)
    }
    exit 0
}

function fail(message) {
    print "ERROR json.awk: " message > "/dev/stderr"
    exit 2
}

# Sets key to value in keys/values (1..n), or marks it gone when remove is true; returns the new n.
function put(keys, values, n, key, value, remove,    i) {
    for (i = 1; i <= n; i++) {
        if (keys[i] == key) {
            if (remove) GONE[i] = 1
            else { values[i] = value; delete GONE[i] }
            return n
        }
    }
    n++
    keys[n] = key
    values[n] = value
    if (remove) GONE[n] = 1
    return n
}

function escape_record(text,    out, c) {
    out = ""
    while (match(text, /[\\\t\n\r]/)) {
        c = substr(text, RSTART, 1)
        out = out substr(text, 1, RSTART - 1) (c == "\\" ? "\\\\" : c == "\t" ? "\\t" : c == "\n" ? "\\n" : "\\r")
        text = substr(text, RSTART + 1)
    }
    return out text
}

function quote(text,    out, c) {
    out = ""
    while (match(text, /[\\"\001-\037]/)) {
        c = substr(text, RSTART, 1)
        out = out substr(text, 1, RSTART - 1)
        if (c == "\\") out = out "\\\\"
        else if (c == "\"") out = out "\\\""
        else if (c == "\n") out = out "\\n"
        else if (c == "\r") out = out "\\r"
        else if (c == "\t") out = out "\\t"
        else out = out sprintf("\\u%04x", CONTROL[c])
        text = substr(text, RSTART + 1)
    }
    return "\"" out text "\""
}

# Reads the flat JSON object in file (missing or empty file, or null: no keys) into keys/values; returns the
# count. The indexes of null values are the keys of nulls.
function read_object(file, keys, values, nulls,    text, line, n, key) {
    text = ""
    while ((getline line < file) > 0) text = text line "\n"
    close(file)
    TEXT = text
    POS = 1
    n = 0
    skip_space()
    if (POS > length(TEXT) || substr(TEXT, POS, 4) == "null") return 0
    expect("{")
    skip_space()
    if (substr(TEXT, POS, 1) == "}") return 0
    while (1) {
        skip_space()
        key = parse_string()
        skip_space()
        expect(":")
        skip_space()
        n++
        keys[n] = key
        if (substr(TEXT, POS, 1) == "\"") values[n] = parse_string()
        else if (match(substr(TEXT, POS), /^(null|true|false|-?[0-9][0-9.eE+-]*)/)) {
            values[n] = substr(TEXT, POS, RLENGTH)
            if (values[n] == "null") nulls[n] = 1
            POS += RLENGTH
        } else fail(file ": only strings, numbers, booleans and null are supported as values, at byte " POS)
        skip_space()
        if (substr(TEXT, POS, 1) == "}") return n
        expect(",")
    }
}

function skip_space() {
    while (POS <= length(TEXT) && index(" \t\r\n", substr(TEXT, POS, 1))) POS++
}

function expect(c) {
    if (substr(TEXT, POS, 1) != c) fail("expected " c " at byte " POS " of " substr(TEXT, 1, 200))
    POS++
}

function parse_string(    out, rest, c, code, low) {
    expect("\"")
    out = ""
    while (1) {
        rest = substr(TEXT, POS)
        if (!match(rest, /["\\]/)) fail("unterminated string at byte " POS)
        out = out substr(rest, 1, RSTART - 1)
        POS += RSTART
        if (substr(rest, RSTART, 1) == "\"") return out
        c = substr(TEXT, POS, 1)
        POS++
        if (c == "n") out = out "\n"
        else if (c == "t") out = out "\t"
        else if (c == "r") out = out "\r"
        else if (c == "b") out = out "\b"
        else if (c == "f") out = out "\f"
        else if (c == "u") {
            code = hex(substr(TEXT, POS, 4))
            POS += 4
            if (code >= 55296 && code < 56320 && substr(TEXT, POS, 2) == "\\u") {
                low = hex(substr(TEXT, POS + 2, 4))
                code = 65536 + (code - 55296) * 1024 + (low - 56320)
                POS += 6
            }
            out = out utf8(code)
        } else out = out c
    }
}

function hex(digits,    i, value) {
    value = 0
    for (i = 1; i <= 4; i++) value = value * 16 + index("0123456789abcdef", tolower(substr(digits, i, 1))) - 1
    return value
}

function utf8(code) {
    if (code < 128) return sprintf("%c", code)
    if (code < 2048) return sprintf("%c%c", 192 + int(code / 64), 128 + code % 64)
    if (code < 65536) return sprintf("%c%c%c", 224 + int(code / 4096), 128 + int(code / 64) % 64, 128 + code % 64)
    return sprintf("%c%c%c%c", 240 + int(code / 262144), 128 + int(code / 4096) % 64, 128 + int(code / 64) % 64, 128 + code % 64)
}
