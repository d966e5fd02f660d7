package org.renda.shared;

/**
 * A requested page of a list, bounded: 1 to 200 rows a page, and a page number from 1 to the last page of the rows
 * there are, so a number far past the end (page=2147483647) shows the last page instead of an empty one or an
 * overflowing offset.
 */
public record PageWindow(int page, int size) {

    public static PageWindow of(int page, int size, long total) {
        int s = Math.max(1, Math.min(size, 200));
        long last = Math.max(1, (total + s - 1) / s);
        return new PageWindow((int) Math.max(1, Math.min(page, last)), s);
    }

    /**
     * A page of a list whose length is not known (counted only up to a cap): any page from 1 on, as far as the
     * offset stays an int; past the end it is empty.
     */
    public static PageWindow open(int page, int size) {
        int s = Math.max(1, Math.min(size, 200));
        return new PageWindow(Math.max(1, Math.min(page, Integer.MAX_VALUE / s)), s);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
