package io.imsconnect.server.storage;

import java.util.List;

/**
 * One page of a filtered list and how many rows the filter matches in all, for the console's paging ("51–100 of
 * 234"). {@code offset} is the first row's index (0-based), {@code size} the page size asked for.
 */
public record Page<T>(List<T> rows, long total, int offset, int size) {

    public Page {
        rows = List.copyOf(rows);
    }

    /** The first row's position, 1-based; 0 when the page is empty. */
    public long first() {
        return rows.isEmpty() ? 0 : offset + 1L;
    }

    public long last() {
        return offset + (long) rows.size();
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return last() < total;
    }

    public int previousOffset() {
        return Math.max(0, offset - size);
    }

    public int nextOffset() {
        return offset + size;
    }
}
