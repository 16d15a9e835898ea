package io.imsconnect.server.errors;

/** The named thing does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String name) {
        super("No " + kind + " named '" + name + "'");
    }
}
