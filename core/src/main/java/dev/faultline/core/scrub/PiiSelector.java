package dev.faultline.core.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A selector of Sentry's advanced data scrubbing ({@code applications} keys): which
 * values of an event a rule applies to.
 *
 * <p>
 * Supported: paths of dot-separated segments, each a key (case-insensitive, quoted with
 * {@code '…'} when it holds dots or spaces), {@code *} (one segment), {@code **} (any
 * number of segments) or a value type: {@code $string}, {@code $number},
 * {@code $boolean}, {@code $object}, {@code $array}, {@code $event}, {@code $exception},
 * {@code $error} (an exception), {@code $stacktrace}, {@code $frame}, {@code $http} (the
 * request), {@code $user}, {@code $logentry}, {@code $message} (the log message text),
 * {@code $breadcrumb}, {@code $thread}, {@code $contexts}; and {@code !}, {@code &&},
 * {@code ||} with parentheses. A path that starts with a key is anchored at the event's
 * root ({@code extra.foo}, {@code request.headers.*}); one that starts with a type or
 * {@code **} matches wherever that type is ({@code $frame.vars.*}). A
 * {@code [key, value]} pair (tags, headers, cookies) is addressed by its key
 * ({@code $http.headers.x-custom}).
 */
public sealed interface PiiSelector {

	/**
	 * Types this implementation knows; any other {@code $name} is a syntax error.
	 */
	Set<String> TYPES = Set.of("string", "number", "boolean", "object", "array", "event", "exception", "error",
			"stacktrace", "frame", "http", "user", "logentry", "message", "breadcrumb", "thread", "contexts");

	/**
	 * Whether the value at {@code path} (from the root; the last segment is the value) is
	 * selected.
	 */
	boolean matches(List<Segment> path);

	/**
	 * One step of a value's path.
	 *
	 * @param key the object key, pair key or array index
	 * @param types the value types of the value at this step (without {@code $})
	 */
	record Segment(String key, Set<String> types) {
	}

	/**
	 * Parses a selector.
	 * @throws PiiConfigException naming the selector when it cannot be read
	 */
	static PiiSelector parse(String text) {
		return new Parser(text).parse();
	}

	/** {@code a || b}. */
	record Or(PiiSelector left, PiiSelector right) implements PiiSelector {

		@Override
		public boolean matches(List<Segment> path) {
			return this.left.matches(path) || this.right.matches(path);
		}

	}

	/** {@code a && b}. */
	record And(PiiSelector left, PiiSelector right) implements PiiSelector {

		@Override
		public boolean matches(List<Segment> path) {
			return this.left.matches(path) && this.right.matches(path);
		}

	}

	/** {@code !a}. */
	record Not(PiiSelector inner) implements PiiSelector {

		@Override
		public boolean matches(List<Segment> path) {
			return !this.inner.matches(path);
		}

	}

	/**
	 * A path of items, matched against the end of the value's path.
	 *
	 * @param items keys (lower case), {@code *}, {@code **} or {@code $type}
	 */
	record Path(List<String> items) implements PiiSelector {

		@Override
		public boolean matches(List<Segment> path) {
			boolean anchored = !this.items.get(0).startsWith("$") && !this.items.get(0).equals("**");
			if (anchored) {
				return match(path, 0, 0);
			}
			for (int start = 0; start < path.size(); start++) {
				if (match(path, start, 0)) {
					return true;
				}
			}
			return false;
		}

		// Does items[item..] match exactly path[at..]?
		private boolean match(List<Segment> path, int at, int item) {
			if (item == this.items.size()) {
				return at == path.size();
			}
			String wanted = this.items.get(item);
			if (wanted.equals("**")) {
				for (int next = at; next <= path.size(); next++) {
					if (match(path, next, item + 1)) {
						return true;
					}
				}
				return false;
			}
			if (at == path.size()) {
				return false;
			}
			Segment segment = path.get(at);
			boolean hit;
			if (wanted.equals("*")) {
				hit = true;
			}
			else if (wanted.startsWith("$")) {
				hit = segment.types().contains(wanted.substring(1));
			}
			else {
				hit = segment.key().toLowerCase(Locale.ROOT).equals(wanted);
			}
			return hit && match(path, at + 1, item + 1);
		}

	}

	/**
	 * Recursive descent over {@code ||} (lowest), {@code &&}, {@code !} and parentheses.
	 */
	final class Parser {

		private final String text;

		private int at;

		Parser(String text) {
			this.text = text;
		}

		PiiSelector parse() {
			PiiSelector selector = or();
			skipSpaces();
			if (this.at != this.text.length()) {
				throw error("unexpected '" + this.text.charAt(this.at) + "'");
			}
			return selector;
		}

		private PiiSelector or() {
			PiiSelector left = and();
			while (consume("||")) {
				left = new Or(left, and());
			}
			return left;
		}

		private PiiSelector and() {
			PiiSelector left = unary();
			while (consume("&&")) {
				left = new And(left, unary());
			}
			return left;
		}

		private PiiSelector unary() {
			if (consume("!")) {
				return new Not(unary());
			}
			if (consume("(")) {
				PiiSelector inner = or();
				if (!consume(")")) {
					throw error("missing ')'");
				}
				return inner;
			}
			return path();
		}

		private PiiSelector path() {
			skipSpaces();
			List<String> items = new ArrayList<>();
			while (true) {
				items.add(segment());
				if (this.at < this.text.length() && this.text.charAt(this.at) == '.') {
					this.at++;
				}
				else {
					break;
				}
			}
			return new Path(List.copyOf(items));
		}

		private String segment() {
			if (this.at < this.text.length() && this.text.charAt(this.at) == '\'') {
				int end = this.text.indexOf('\'', this.at + 1);
				if (end < 0) {
					throw error("unclosed quote");
				}
				String key = this.text.substring(this.at + 1, end);
				this.at = end + 1;
				return key.toLowerCase(Locale.ROOT);
			}
			int start = this.at;
			while (this.at < this.text.length() && " \t.()|&!'".indexOf(this.text.charAt(this.at)) < 0) {
				this.at++;
			}
			String item = this.text.substring(start, this.at).toLowerCase(Locale.ROOT);
			if (item.isEmpty()) {
				throw error((this.at < this.text.length()) ? "unexpected '" + this.text.charAt(this.at) + "'"
						: "missing selector");
			}
			if (item.startsWith("$") && !TYPES.contains(item.substring(1))) {
				throw error("unknown value type " + item);
			}
			if (item.contains("*") && !item.equals("*") && !item.equals("**")) {
				throw error("wildcards must be whole segments: " + item);
			}
			return item;
		}

		private boolean consume(String token) {
			skipSpaces();
			if (this.text.startsWith(token, this.at)) {
				this.at += token.length();
				return true;
			}
			return false;
		}

		private void skipSpaces() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		private PiiConfigException error(String reason) {
			return new PiiConfigException("invalid selector '" + this.text + "': " + reason);
		}

	}

}
