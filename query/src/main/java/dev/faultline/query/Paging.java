package dev.faultline.query;

import java.util.Objects;

/**
 * Where a page lies: the cursors of the pages before and after it, each with whether
 * following it yields rows — Sentry's {@code Link} header ({@code rel="previous"} and
 * {@code rel="next"}, each with {@code results} and {@code cursor}).
 *
 * @param previous the cursor of the page before
 * @param hasPrevious whether rows lie before this page (for a forward key cursor: likely,
 * as in Sentry, since the boundary row was on a page before)
 * @param next the cursor of the page after
 * @param hasNext whether rows lie after this page
 */
public record Paging(Cursor previous, boolean hasPrevious, Cursor next, boolean hasNext) {

	/** A page with nothing before or after it. */
	public static final Paging SINGLE = new Paging(Cursor.FIRST, false, Cursor.FIRST, false);

	public Paging {
		Objects.requireNonNull(previous, "previous");
		Objects.requireNonNull(next, "next");
	}

}
