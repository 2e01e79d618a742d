package dev.baton.assignment.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The custom-field condition of a rule: CEL over three maps, {@code fields} (the ticket's values), {@code ticket}
 * ({@code source}, {@code channel}, {@code priority}, {@code template}) and {@code customer} ({@code level}, {@code region}).
 * Rules are not tied to one template, so fields are dynamic: a missing field or a type mismatch makes the
 * condition false at run time rather than failing the ticket. Bounded like flow conditions (length, depth).
 */
final class RuleExpressions {

    static final int MAX_LENGTH = 2_000;

    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .maxExpressionCodePointSize(MAX_LENGTH)
            .maxParseRecursionDepth(32)
            .build();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL)
            .addVar("fields", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("ticket", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("customer", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private RuleExpressions() {}

    /** The compile error for the expression, empty when it is fine. */
    static Optional<String> problem(String expression) {
        if (expression.length() > MAX_LENGTH) {
            return Optional.of("too long");
        }
        if (expression.contains("matches(")) {
            return Optional.of("matches() is not allowed");
        }
        try {
            COMPILER.compile(expression).getAst();
            return Optional.empty();
        } catch (CelValidationException e) {
            return Optional.of(e.getMessage() == null ? "invalid" : e.getMessage());
        }
    }

    /** A compiled condition; throws {@link IllegalArgumentException} for one {@link #problem} refuses. */
    static CelRuntime.Program compile(String expression) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            return RUNTIME.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static boolean holds(CelRuntime.Program program, Map<String, @Nullable Object> activation) {
        try {
            return Boolean.TRUE.equals(program.eval(activation));
        } catch (CelEvaluationException | RuntimeException e) {
            return false;
        }
    }
}
