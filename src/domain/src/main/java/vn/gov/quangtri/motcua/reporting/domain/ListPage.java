package vn.gov.quangtri.motcua.reporting.domain;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list held in memory (the dossiers that cost a Decision 766 indicator points): the items from
 * {@code offset}, at most {@code limit} of them, the size of the whole list and where the next page starts.
 *
 * @param total      items of the whole list
 * @param offset     items before this page (may be past the end: then the page is empty)
 * @param limit      the page size asked for
 * @param items      the page, in the list's order
 * @param nextOffset the offset of the next page, or null when this page is the last (or empty)
 * @param <T>        the item type
 */
public record ListPage<T>(long total, int offset, int limit, List<T> items, Integer nextOffset) {

    /**
     * Cuts one page out of a list.
     *
     * @param all    the whole list
     * @param offset items to skip, 0 or more
     * @param limit  page size, 1 or more
     * @throws IllegalArgumentException for a negative offset or a limit below 1
     */
    public static <T> ListPage<T> of(List<T> all, int offset, int limit) {
        Objects.requireNonNull(all, "all");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more");
        }
        int from = Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), (long) offset + limit);
        List<T> items = List.copyOf(all.subList(from, to));
        return new ListPage<>(all.size(), offset, limit, items, next(all.size(), offset, items.size()));
    }

    /**
     * Where the page after one of {@code shown} items starting at {@code offset} begins, or null when nothing follows
     * (also for an empty page, so a client following the offsets always stops).
     *
     * @param total all items
     */
    public static Integer next(long total, int offset, int shown) {
        long after = (long) offset + shown;
        return shown > 0 && after < total && after <= Integer.MAX_VALUE ? Integer.valueOf((int) after) : null;
    }
}
