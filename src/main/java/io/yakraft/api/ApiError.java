package io.yakraft.api;

/** An error answer: HTTP status, a NAME (Kafka's or the API's own) and a message a person can act on. */
public class ApiError extends Exception {
    private final int status;
    private final String name;
    private final String retryAfter;

    public ApiError(int status, String name, String message) {
        this(status, name, message, null);
    }

    public ApiError(int status, String name, String message, String retryAfter) {
        super(message);
        this.status = status;
        this.name = name;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String name() {
        return name;
    }

    /** Seconds for a Retry-After header, or null. */
    public String retryAfter() {
        return retryAfter;
    }
}
