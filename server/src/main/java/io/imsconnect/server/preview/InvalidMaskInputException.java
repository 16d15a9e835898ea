package io.imsconnect.server.preview;

import io.imsconnect.server.errors.InvalidInputException;

/** A mask that does not compile, with where in the pattern the error lies (-1 when not at one character). */
class InvalidMaskInputException extends InvalidInputException {

    private final int position;

    InvalidMaskInputException(String field, String code, String message, int position) {
        super(field, code, message);
        this.position = position;
    }

    int position() {
        return position;
    }
}
