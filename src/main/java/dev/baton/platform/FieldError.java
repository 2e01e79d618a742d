package dev.baton.platform;

/** One invalid input: a JSON path-like field name ({@code fields[3].key}) and why. */
public record FieldError(String field, String message) {}
