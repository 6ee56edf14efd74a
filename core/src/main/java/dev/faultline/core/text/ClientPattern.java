package dev.faultline.core.text;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One registered regular expression that runs on client data, compiled once on the engine
 * it was registered for: the JDK's backtracking {@link java.util.regex.Pattern} where the
 * pattern is written so that no position is re-scanned (each match attempt anchored at a
 * real token start, repetitions bounded or followed by a character they cannot consume),
 * or RE2/J's {@link com.google.re2j.Pattern}, linear-time by construction, for everything
 * else. Either way the property test over {@link ClientPatterns#all()} checks it.
 * Immutable and thread-safe.
 */
public final class ClientPattern {

	/**
	 * The engine a pattern runs on.
	 */
	public enum Engine {

		/**
		 * {@link java.util.regex.Pattern}: fastest on the hot path, linear only by
		 * design.
		 */
		JDK,

		/** {@link com.google.re2j.Pattern}: linear-time for every pattern. */
		RE2J

	}

	private final String name;

	private final String regex;

	private final Engine engine;

	private final java.util.regex.@Nullable Pattern jdk;

	private final com.google.re2j.@Nullable Pattern re2j;

	private ClientPattern(String name, String regex, Engine engine) {
		this.name = Objects.requireNonNull(name, "name");
		this.regex = Objects.requireNonNull(regex, "regex");
		this.engine = engine;
		this.jdk = (engine == Engine.JDK) ? java.util.regex.Pattern.compile(regex) : null;
		this.re2j = (engine == Engine.RE2J) ? com.google.re2j.Pattern.compile(regex) : null;
	}

	static ClientPattern jdk(String name, String regex) {
		return new ClientPattern(name, regex, Engine.JDK);
	}

	static ClientPattern re2j(String name, String regex) {
		return new ClientPattern(name, regex, Engine.RE2J);
	}

	/** A stable name, {@code area.what}, used in test reports. */
	public String name() {
		return this.name;
	}

	/** The source of the pattern. */
	public String regex() {
		return this.regex;
	}

	public Engine engine() {
		return this.engine;
	}

	/**
	 * The compiled JDK pattern.
	 * @throws IllegalStateException when the pattern was registered for RE2/J
	 */
	public java.util.regex.Pattern jdk() {
		if (this.jdk == null) {
			throw new IllegalStateException(this.name + " runs on RE2/J");
		}
		return this.jdk;
	}

	/**
	 * The compiled RE2/J pattern.
	 * @throws IllegalStateException when the pattern was registered for the JDK engine
	 */
	public com.google.re2j.Pattern re2j() {
		if (this.re2j == null) {
			throw new IllegalStateException(this.name + " runs on the JDK engine");
		}
		return this.re2j;
	}

	/**
	 * Finds every match in {@code input}, left to right, as {@code replaceAll} does;
	 * returns how many were found. This is what the property test measures.
	 */
	public int findAll(CharSequence input) {
		int found = 0;
		if (this.jdk != null) {
			java.util.regex.Matcher matcher = this.jdk.matcher(input);
			while (matcher.find()) {
				found++;
			}
		}
		else {
			com.google.re2j.Matcher matcher = Objects.requireNonNull(this.re2j).matcher(input);
			while (matcher.find()) {
				found++;
			}
		}
		return found;
	}

	@Override
	public String toString() {
		return this.name + " (" + this.engine + ") " + this.regex;
	}

}
