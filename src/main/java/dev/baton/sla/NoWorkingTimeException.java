package dev.baton.sla;

/** The calendar has no working time within the search horizon, so a deadline cannot be found. */
public class NoWorkingTimeException extends RuntimeException {

    public NoWorkingTimeException(String message) {
        super(message);
    }
}
