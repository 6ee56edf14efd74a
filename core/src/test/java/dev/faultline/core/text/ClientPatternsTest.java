package dev.faultline.core.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link ClientPatterns} the one place where a pattern that runs on client data is
 * declared: the main code of every module that reads client data compiles no regular
 * expression of its own and calls no regex-taking {@code String} method with more than a
 * single literal character (those take the JDK's fast path, no regex), except the files
 * listed here with their reason.
 */
class ClientPatternsTest {

	/** The modules that read what clients send (payloads, headers, URLs, search text). */
	private static final List<String> MODULES = List.of("protocol", "core", "ingest-service", "processor-service",
			"alerts", "api-service");

	/** Files allowed to compile patterns, each for a stated reason. */
	private static final Set<String> ALLOWED = Set.of(
			// the registry and the compiler of admin-written patterns (RE2/J)
			"core/src/main/java/dev/faultline/core/text/ClientPattern.java",
			"core/src/main/java/dev/faultline/core/text/UserPatterns.java");

	/** Calls that compile a regular expression. */
	private static final Pattern COMPILES = Pattern.compile("Pattern\\s*\\.\\s*compile\\s*\\(");

	/**
	 * {@code String} methods taking a regex, with a literal argument that is more than
	 * one plain or escaped character (a line that calls them on a {@code Matcher} aside).
	 */
	private static final Pattern STRING_REGEX = Pattern.compile(
			"^(?!.*\\.matcher\\().*\\.(?:split|replaceAll|replaceFirst|matches)\\(\"(?!(?:\\\\{1,2}.|[^\\\\\"])\")",
			Pattern.MULTILINE);

	/**
	 * Config text a project admin writes, split once per settings change, not client
	 * data.
	 */
	private static final Set<String> CONFIG_PARSERS = Set.of(
			"core/src/main/java/dev/faultline/core/grouping/FingerprintRules.java",
			"core/src/main/java/dev/faultline/core/grouping/StackTraceRules.java");

	@Test
	void noPatternIsCompiledOutsideTheRegistry() {
		List<String> offenders = new ArrayList<>();
		for (Path file : mainSources()) {
			String relative = repository().relativize(file).toString().replace('\\', '/');
			String source = read(file);
			if (!ALLOWED.contains(relative) && COMPILES.matcher(source).find()) {
				offenders.add(relative + ": Pattern.compile (declare it in ClientPatterns)");
			}
			Matcher call = STRING_REGEX.matcher(source);
			if (!CONFIG_PARSERS.contains(relative) && call.find()) {
				offenders.add(relative + ": String regex call " + call.group() + " (declare it in ClientPatterns)");
			}
		}
		assertThat(offenders).isEmpty();
	}

	@Test
	void seesTheSourcesItGuards() {
		assertThat(mainSources()).anyMatch((file) -> file.endsWith("DataScrubber.java"))
			.anyMatch((file) -> file.endsWith("UserAgentStage.java"))
			.anyMatch((file) -> file.endsWith("EventController.java"));
	}

	private static List<Path> mainSources() {
		List<Path> files = new ArrayList<>();
		for (String module : MODULES) {
			Path main = repository().resolve(module).resolve("src/main/java");
			try (Stream<Path> walk = Files.walk(main)) {
				walk.filter((file) -> file.toString().endsWith(".java")).forEach(files::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	// Surefire runs in the module directory; the repository is its parent.
	private static Path repository() {
		return Path.of("").toAbsolutePath().getParent();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
