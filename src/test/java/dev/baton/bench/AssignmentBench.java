package dev.baton.bench;

import dev.baton.assignment.internal.BenchRouting;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assignment decision (keyword classification + first matching rule + eligibility + strategy) for a tenant with
 * 200 rules, 5,000 keywords and 2,000 agents, single-threaded and in-process, without the database: prints ONE JSON
 * line with p50/p90/p99/p99.9/max in milliseconds.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) dev.baton.bench.AssignmentBench
 *      [--rules 200] [--keywords 5000] [--agents 2000] [--warmup 20000] [--iterations 50000]
 * </pre>
 */
public final class AssignmentBench {

    private AssignmentBench() {}

    public static void main(String[] args) {
        int rules = arg(args, "--rules", 200);
        int keywords = arg(args, "--keywords", 5000);
        int agents = arg(args, "--agents", 2000);
        int warmup = arg(args, "--warmup", 20_000);
        int iterations = arg(args, "--iterations", 50_000);
        var result = BenchRouting.run(rules, keywords, agents, warmup, iterations);
        System.out.println(JsonMapper.builder().build().writeValueAsString(result));
    }

    private static int arg(String[] args, String name, int otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return otherwise;
    }
}
