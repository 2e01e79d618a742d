package dev.baton.flow.internal;

import com.google.protobuf.Timestamp;
import dev.baton.template.FieldDefinition;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates condition {@code when} expressions against a ticket's values. Every expression is compiled
 * once, when the evaluator is built.
 *
 * <p>A condition that refers to a value that is not filled in (missing, null, blank, empty) does not hold,
 * without running CEL: an optional field left empty then routes the ticket to a later branch or the
 * default (a condition always has one) instead of stopping it, and the result does not depend on CEL's
 * rules for absorbing errors in {@code ||} and {@code &&}. Any other failure (a stored value of the
 * wrong type, an overflow) is a {@link Failure}: choosing a branch silently would send the ticket
 * somewhere nobody designed.
 */
public final class ConditionEvaluator {

    /** A condition that could not be evaluated; the message says why. */
    public static final class Failure extends Exception {
        Failure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private record Compiled(CelRuntime.Program program, Set<String> variables) {}

    private static final Map<String, CelType> FACTS = Map.of(
            "ticket.source", SimpleType.STRING,
            "ticket.priority", SimpleType.STRING,
            "ticket.template", SimpleType.STRING,
            "ticket.channel", SimpleType.STRING,
            "ticket.createdAt", SimpleType.TIMESTAMP,
            "customer.level", SimpleType.STRING,
            "customer.region", SimpleType.STRING,
            "customer.tags", ListType.create(SimpleType.STRING));

    private final Map<String, Compiled> compiled = new HashMap<>();
    private final Map<String, CelType> types = new HashMap<>(FACTS);

    /** Throws {@link IllegalArgumentException} for an expression {@link Conditions#check} refuses. */
    public ConditionEvaluator(List<FieldDefinition> templateFields, Collection<String> expressions) {
        Conditions conditions = new Conditions(templateFields);
        CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(Conditions.options())
                .build();
        for (FieldDefinition field : templateFields) {
            if (field.key() != null && field.type() != null) {
                this.types.put("fields." + field.key(), Conditions.celType(field.type()));
            }
        }
        for (String expression : expressions) {
            CelAbstractSyntaxTree ast = conditions.compile(expression);
            try {
                this.compiled.put(expression, new Compiled(runtime.createProgram(ast), variables(ast)));
            } catch (CelEvaluationException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /** Whether {@code expression} (one given to the constructor) holds. */
    public boolean holds(String expression, Map<String, @Nullable Object> fields, Map<String, @Nullable Object> facts)
            throws Failure {
        Compiled c = this.compiled.get(expression);
        if (c == null) {
            throw new IllegalArgumentException("not compiled: " + expression);
        }
        Map<String, Object> activation = new HashMap<>();
        for (String name : c.variables()) {
            Object raw = name.startsWith("fields.") ? fields.get(name.substring(7)) : facts.get(name);
            if (dev.baton.template.FieldValues.isEmpty(raw)) {
                return false;
            }
            activation.put(name, convert(name, raw));
        }
        try {
            return Boolean.TRUE.equals(c.program().eval(activation));
        } catch (CelEvaluationException | RuntimeException e) {
            throw new Failure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private Object convert(String name, Object raw) throws Failure {
        CelType type = this.types.getOrDefault(name, SimpleType.DYN);
        Object value;
        if (type == SimpleType.DOUBLE) {
            value = raw instanceof Number n ? (Object) n.doubleValue() : null;
        } else if (type == SimpleType.INT) {
            value = raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : null;
        } else if (type == SimpleType.STRING) {
            value = raw instanceof String ? raw : null;
        } else if (type == SimpleType.TIMESTAMP) {
            value = timestamp(raw);
        } else {
            boolean fits = type instanceof ListType
                    ? raw instanceof List<?>
                    : !(type instanceof MapType) || raw instanceof Map<?, ?>;
            value = fits ? raw : null;
        }
        if (value == null) {
            throw new Failure(name + " holds a value of the wrong type", null);
        }
        return value;
    }

    private static @Nullable Timestamp timestamp(Object raw) {
        try {
            Instant instant = raw instanceof Instant i ? i : raw instanceof String s ? Instant.parse(s) : null;
            return instant == null
                    ? null
                    : Timestamp.newBuilder()
                            .setSeconds(instant.getEpochSecond())
                            .setNanos(instant.getNano())
                            .build();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The dotted variables an expression reads ({@code fields.amount}, {@code ticket.source}). */
    private static Set<String> variables(CelAbstractSyntaxTree ast) {
        Set<String> names = new LinkedHashSet<>();
        for (CelNavigableExpr node :
                CelNavigableAst.fromAst(ast).getRoot().allNodes().toList()) {
            CelExpr expr = node.expr();
            // The checker may have folded `fields.amount` into one identifier, or kept the selection.
            if (expr.getKind() == CelExpr.ExprKind.Kind.IDENT
                    && expr.ident().name().contains(".")) {
                names.add(expr.ident().name());
            } else if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT
                    && expr.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT) {
                String root = expr.select().operand().ident().name();
                if (root.equals("fields") || root.equals("ticket") || root.equals("customer")) {
                    names.add(root + "." + expr.select().field());
                }
            }
        }
        return names;
    }
}
