package dev.baton.flow.internal;

import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code when} expressions of condition branches with CEL. Every template field is declared
 * as its own variable {@code fields.<key>} (CEL resolves the dotted name), so {@code fields.amount > 5000}
 * type-checks and a misspelt key is an error:
 *
 * <ul>
 *   <li>number, money: {@code double}; rating, user, department, customer: {@code int} (numbers of
 *       different kinds compare with each other, so {@code fields.amount > 5000} works);
 *   <li>text, textarea, select, phone, email, chat_excerpt: {@code string}; multi_select:
 *       {@code list(string)}; region: {@code map(string, string)}; image, file: {@code list(dyn)};
 *   <li>date: {@code string} {@code yyyy-MM-dd} (ISO dates order correctly as strings, and no time zone is
 *       invented); datetime: {@code timestamp};
 *   <li>{@code ticket.source}, {@code ticket.priority}, {@code ticket.template}, {@code ticket.channel} (the
 *       intake channel's code, absent for tickets that came in otherwise): {@code string};
 *       {@code ticket.createdAt}: {@code timestamp}; {@code customer.level}, {@code customer.region}:
 *       {@code string}; {@code customer.tags}: {@code list(string)}.
 * </ul>
 *
 * <p>At run time the activation holds the same dotted names as keys (build the runtime with
 * {@link #options()}). CEL Java 0.14 has no cost estimator, so cost is bounded by size instead: at most {@value #MAX_LENGTH} characters, {@value
 * #MAX_AST_NODES} syntax nodes and {@value #MAX_COMPREHENSIONS} comprehensions ({@code all}, {@code
 * exists}, {@code map}, {@code filter}), and no {@code matches} (its regular expression would run on
 * user input with backtracking).
 */
public final class Conditions {

    public static final int MAX_LENGTH = 2_000;
    public static final int MAX_AST_NODES = 200;
    public static final int MAX_COMPREHENSIONS = 2;

    private static final String FIELDS = "fields";
    private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of("matches");

    private final CelCompiler compiler;
    private final Set<String> fieldKeys;

    public Conditions(List<FieldDefinition> templateFields) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL)
                .addVar("ticket.source", SimpleType.STRING)
                .addVar("ticket.priority", SimpleType.STRING)
                .addVar("ticket.template", SimpleType.STRING)
                .addVar("ticket.channel", SimpleType.STRING)
                .addVar("ticket.createdAt", SimpleType.TIMESTAMP)
                .addVar("customer.level", SimpleType.STRING)
                .addVar("customer.region", SimpleType.STRING)
                .addVar("customer.tags", ListType.create(SimpleType.STRING));
        for (FieldDefinition field : templateFields) {
            if (field.key() != null && field.type() != null) {
                builder.addVar(FIELDS + "." + field.key(), celType(field.type()));
            }
        }
        this.compiler = builder.build();
        this.fieldKeys = templateFields.stream()
                .map(FieldDefinition::key)
                .filter(k -> k != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The options the runtime must use too (mixed numeric comparisons, bounded parsing). */
    public static CelOptions options() {
        return CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .maxExpressionCodePointSize(MAX_LENGTH)
                .maxParseRecursionDepth(32)
                .build();
    }

    /** The CEL type a template field has in conditions. */
    public static CelType celType(FieldType type) {
        return switch (type) {
            case NUMBER, MONEY -> SimpleType.DOUBLE;
            case RATING, USER, DEPARTMENT, CUSTOMER -> SimpleType.INT;
            case TEXT, TEXTAREA, SELECT, PHONE, EMAIL, CHAT_EXCERPT, DATE -> SimpleType.STRING;
            case DATETIME -> SimpleType.TIMESTAMP;
            case MULTI_SELECT -> ListType.create(SimpleType.STRING);
            case REGION -> MapType.create(SimpleType.STRING, SimpleType.STRING);
            case IMAGE, FILE -> ListType.create(SimpleType.DYN);
        };
    }

    /** The message code of the first problem of {@code expression}, or null when it is a valid condition. */
    public @Nullable String check(String expression) {
        if (expression.isBlank()) {
            return "{field.required}";
        }
        if (expression.length() > MAX_LENGTH) {
            return "{flow.when.too-long}";
        }
        CelValidationResult parsed = this.compiler.parse(expression);
        if (parsed.hasError()) {
            return "{flow.when.syntax}";
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = parsed.getAst();
        } catch (Exception e) {
            return "{flow.when.syntax}";
        }
        String shape = shape(ast);
        if (shape != null) {
            return shape;
        }
        CelValidationResult checked = this.compiler.check(ast);
        return checked.hasError() ? "{flow.when.type}" : null;
    }

    /**
     * The checked syntax tree of a valid condition, for a CEL runtime built with {@link #options()}; throws
     * {@link IllegalArgumentException} for an expression {@link #check} refuses.
     */
    public CelAbstractSyntaxTree compile(String expression) {
        String problem = check(expression);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        try {
            return this.compiler.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private @Nullable String shape(CelAbstractSyntaxTree ast) {
        List<CelNavigableExpr> nodes = CelNavigableAst.fromAst(ast)
                .getRoot()
                .allNodes()
                .limit(MAX_AST_NODES + 1L)
                .toList();
        if (nodes.size() > MAX_AST_NODES) {
            return "{flow.when.too-complex}";
        }
        int comprehensions = 0;
        for (CelNavigableExpr node : nodes) {
            CelExpr expr = node.expr();
            switch (expr.getKind()) {
                case COMPREHENSION -> comprehensions++;
                case CALL -> {
                    if (FORBIDDEN_FUNCTIONS.contains(expr.call().function())) {
                        return "{flow.when.function}";
                    }
                }
                case SELECT -> {
                    CelExpr operand = expr.select().operand();
                    if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                            && operand.ident().name().equals(FIELDS)
                            && !this.fieldKeys.contains(expr.select().field())) {
                        return "{flow.when.unknown-field}";
                    }
                }
                default -> {
                    // constants, identifiers, lists and maps are cheap
                }
            }
        }
        return comprehensions > MAX_COMPREHENSIONS ? "{flow.when.too-complex}" : null;
    }
}
