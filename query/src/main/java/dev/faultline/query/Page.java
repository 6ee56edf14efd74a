package dev.faultline.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of items in a total order, with the cursors around it.
 *
 * @param <T> the item type
 * @param items the items in the order
 * @param paging the cursors of the pages before and after
 */
public record Page<T>(List<T> items, Paging paging) {

	public Page {
		items = List.copyOf(items);
		Objects.requireNonNull(paging, "paging");
	}

	/**
	 * Cuts a page out of what a store read for a cursor, and makes the cursors around it.
	 * The store reads {@code limit + 1} items (one more tells whether there are more)
	 * starting at the cursor: forward in the order, or for a backward key cursor in the
	 * reverse order (the items nearest the key first).
	 *
	 * <p>
	 * With {@code keyed}, the cursors handed out are key cursors of the page's first and
	 * last items (Sentry's {@code value:offset:is_prev} with the item's key as value,
	 * offset 0); otherwise offset cursors ({@code 0:offset:is_prev}).
	 * @param <T> the item type
	 * @param cursor the cursor the items were read for
	 * @param limit the page size, 1 or more
	 * @param read the items read, at most {@code limit + 1}, in reading order
	 * @param key an item's sort key values (used when {@code keyed})
	 * @param keyed whether the order allows key cursors
	 * @return the page, in the order
	 */
	public static <T> Page<T> of(Cursor cursor, int limit, List<T> read, Function<T, List<@Nullable Object>> key,
			boolean keyed) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be 1 or more: " + limit);
		}
		if (!keyed && cursor.keyed()) {
			throw new IllegalArgumentException("a key cursor for an order that allows none");
		}
		boolean more = read.size() > limit;
		List<T> items = new ArrayList<>(read.subList(0, Math.min(limit, read.size())));
		if (!keyed) {
			int offset = cursor.offset();
			return new Page<>(items, new Paging(new Cursor(List.of(), Math.max(0, offset - limit), true), offset > 0,
					Cursor.ofOffset(offset + limit), more));
		}
		if (cursor.keyed() && cursor.previous()) {
			Collections.reverse(items);
			if (items.isEmpty()) {
				// Nothing before the key: the first page holds it.
				return new Page<>(items, new Paging(cursor, false, Cursor.FIRST, true));
			}
			return new Page<>(items, new Paging(Cursor.ofKey(key.apply(items.get(0)), true), more,
					Cursor.ofKey(key.apply(items.get(items.size() - 1)), false), true));
		}
		boolean before = cursor.keyed() || cursor.offset() > 0;
		if (items.isEmpty()) {
			Cursor back = cursor.keyed() ? Cursor.ofKey(cursor.key(), true) : Cursor.FIRST;
			return new Page<>(items, new Paging(back, before, cursor, false));
		}
		return new Page<>(items, new Paging(Cursor.ofKey(key.apply(items.get(0)), true), before,
				Cursor.ofKey(key.apply(items.get(items.size() - 1)), false), more));
	}

}
