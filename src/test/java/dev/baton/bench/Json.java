package dev.baton.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The baseline's output format: one JSON line, numbers rounded to two decimals, NaN as null. */
final class Json {

    private Json() {}

    static double round(double d) {
        return Math.round(d * 100.0) / 100.0;
    }

    static void putLatency(Map<String, Object> m, String name, Driver.Samples s) {
        m.put(name + "_p50_ms", round(s.pctMs(0.50)));
        m.put(name + "_p99_ms", round(s.pctMs(0.99)));
        m.put(name + "_max_ms", round(s.pctMs(1.0)));
    }

    static double round3(double d) {
        return Math.round(d * 1000.0) / 1000.0;
    }

    static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + argv[i]);
            }
            String k = argv[i].substring(2);
            if (k.equals("log-lifecycle")) {
                m.put(k, "true");
            } else if (i + 1 >= argv.length) {
                throw new IllegalArgumentException("missing value of --" + k);
            } else {
                m.put(k, argv[++i]);
            }
        }
        return m;
    }

    static String write(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(",", "{", "}");
            m.forEach((k, v) -> j.add(write(String.valueOf(k)) + ":" + write(v)));
            return j.toString();
        }
        if (o instanceof Double d) {
            return d.isNaN() || d.isInfinite()
                    ? "null"
                    : new java.math.BigDecimal(Double.toString(d))
                            .stripTrailingZeros()
                            .toPlainString();
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        String s = o.toString()
                .replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\r", "")
                .replace("\t", " ");
        return "\"" + s + "\"";
    }
}
