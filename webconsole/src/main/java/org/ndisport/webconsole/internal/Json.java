package org.ndisport.webconsole.internal;

/** A minimal JSON writer: objects, arrays, strings (escaped per RFC 8259), numbers, booleans and null. */
final class Json {
    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    Json beginObject() {
        return open('{');
    }

    Json endObject() {
        return close('}');
    }

    Json beginArray() {
        return open('[');
    }

    Json endArray() {
        return close(']');
    }

    /** A member name inside an object; the value follows. */
    Json name(String name) {
        comma();
        string(name);
        out.append(':');
        first = true;
        return this;
    }

    Json value(String s) {
        comma();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    Json value(long n) {
        comma();
        out.append(n);
        return this;
    }

    Json value(boolean b) {
        comma();
        out.append(b);
        return this;
    }

    Json nullValue() {
        comma();
        out.append("null");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private Json open(char c) {
        comma();
        out.append(c);
        first = true;
        return this;
    }

    private Json close(char c) {
        out.append(c);
        first = false;
        return this;
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // < and > too, so that the text is safe even inside an HTML script element
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
