package dev.faultline.api.web;

import dev.faultline.query.Cursor;
import dev.faultline.query.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sentry's cursor pagination. A cursor is {@code value:offset:is_prev}: over row offsets
 * the value is 0 and the offset counts rows, so {@code 0:100:0} starts at the 101st row;
 * listings over the query model's keyset order carry the boundary row's key as value
 * ({@link Cursor}). The {@code Link} header carries a previous and a next cursor, each
 * with {@code results="true|false"} telling whether following it yields rows (sentry-cli
 * and Sentry's own clients stop on {@code results="false"}).
 */
public final class Pagination {

	/** Sentry's default and maximum page size of list endpoints. */
	public static final int MAX_LIMIT = 100;

	private Pagination() {
	}

	/**
	 * The row offset a cursor points at; 0 without a cursor.
	 * @throws ApiException 400 for a malformed cursor
	 */
	public static int offset(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		String[] parts = cursor.split(":");
		if (parts.length != 3) {
			throw ApiException.badRequest("Invalid cursor parameter.");
		}
		try {
			int offset = Integer.parseInt(parts[1]);
			if (offset < 0) {
				throw ApiException.badRequest("Invalid cursor parameter.");
			}
			return offset;
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("Invalid cursor parameter.");
		}
	}

	/**
	 * The cursor of a request: the first page without one; an offset cursor
	 * ({@code 0:100:0}) or a key cursor otherwise.
	 * @throws ApiException 400 for a malformed cursor
	 */
	public static Cursor cursor(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return Cursor.FIRST;
		}
		try {
			return Cursor.parse(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("Invalid cursor parameter.");
		}
	}

	/**
	 * The page size asked for, within 1 and {@link #MAX_LIMIT}; the maximum when absent.
	 * @throws ApiException 400 when not a number
	 */
	public static int limit(@Nullable String limit) {
		if (limit == null || limit.isBlank()) {
			return MAX_LIMIT;
		}
		try {
			return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(limit.trim())));
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("Invalid limit parameter.");
		}
	}

	/**
	 * The {@code Link} header value for a page.
	 * @param current the URL of the current request; its {@code cursor} parameter is
	 * replaced
	 * @param offset the current page's first row
	 * @param limit the page size
	 * @param hasNext whether rows exist after this page
	 */
	public static String linkHeader(UriComponentsBuilder current, int offset, int limit, boolean hasNext) {
		String previous = "0:" + Math.max(0, offset - limit) + ":1";
		String next = "0:" + (offset + limit) + ":0";
		return link(current, previous, "previous", offset > 0) + ", " + link(current, next, "next", hasNext);
	}

	/**
	 * The {@code Link} header value for a page of a cursor-paged listing.
	 * @param current the URL of the current request; its {@code cursor} parameter is
	 * replaced
	 * @param paging the cursors around the page
	 */
	public static String linkHeader(UriComponentsBuilder current, Paging paging) {
		return link(current, paging.previous().toString(), "previous", paging.hasPrevious()) + ", "
				+ link(current, paging.next().toString(), "next", paging.hasNext());
	}

	private static String link(UriComponentsBuilder current, String cursor, String rel, boolean results) {
		String url = current.cloneBuilder().replaceQueryParam("cursor", cursor).build().toUriString();
		return "<" + url + ">; rel=\"" + rel + "\"; results=\"" + results + "\"; cursor=\"" + cursor + "\"";
	}

}
