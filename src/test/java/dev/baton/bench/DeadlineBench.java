package dev.baton.bench;

import dev.baton.sla.DeadlineBenchmark;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DeadlineBenchmark} (JMH: one fork, one thread, the iterations its annotations give) and prints ONE
 * JSON line: calls/s per span and overall (the {@code mixed} benchmark, the spans in turn), with JMH's 99.9 %
 * error. JMH's own report goes to stderr.
 */
public final class DeadlineBench {

    private DeadlineBench() {}

    public static void main(String[] argv) throws Exception {
        java.io.PrintStream result = System.out;
        System.setOut(System.err);
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                        .include(DeadlineBenchmark.class.getName() + "\\.")
                        .build())
                .run();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "deadline");
        out.put("calendar", "09:00-12:00, 13:30-18:00, 2026 holidays (Asia/Shanghai)");
        out.put("threads", 1);
        Map<String, Object> perSpan = new LinkedHashMap<>();
        Map<String, Object> error = new LinkedHashMap<>();
        double min = Double.MAX_VALUE;
        for (RunResult r : runs) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double score = r.getPrimaryResult().getScore();
            String key = switch (name) {
                case "pt30m" -> "PT30M";
                case "pt2h" -> "PT2H";
                case "pt8h" -> "PT8H";
                case "p3d" -> "P3D";
                default -> name;
            };
            if (key.equals("mixed")) {
                out.put("overall_ops_per_s", Math.round(score));
            } else {
                perSpan.put(key, Math.round(score));
                min = Math.min(min, score);
            }
            error.put(key, Math.round(r.getPrimaryResult().getScoreError()));
        }
        out.put("ops_per_s", perSpan);
        out.put("error_99_9", error);
        out.put("slowest_span_ops_per_s", Math.round(min));
        out.put("target_met", min >= 1_000_000);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put(
                "load_average",
                Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                        .split(" ")[0]));
        result.println(Json.write(out));
    }
}
