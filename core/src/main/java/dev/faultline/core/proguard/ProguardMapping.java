package dev.faultline.core.proguard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A parsed ProGuard or R8 mapping file, and the retracing of obfuscated names and frames
 * through it.
 *
 * <p>
 * The format, one line each: {@code original.Class -> obfuscated.Class:} opens a class;
 * indented below it, fields ({@code type name -> obf}) and methods
 * ({@code [start:end:]returnType [original.Class.]name(args)[:origStart[:origEnd]] -> obf}).
 * A method line with an obfuscated line range maps the lines of that range; several lines
 * with the same range are one inlining chain, the innermost (inlined) method first and
 * each caller after it, a caller's single original line being its call site. Without an
 * original range the original lines are the obfuscated ones. Comment lines are skipped,
 * except R8's metadata ({@code # {"id":"sourceFile","fileName":…}} after a class, and
 * {@code # {"id":"com.android.tools.r8.synthesized"}} after a class or method, whose
 * frames are dropped from a chain that has others). Lines that fit none of these are
 * skipped, so newer metadata does not make a mapping unreadable.
 *
 * <p>
 * Immutable and thread-safe once parsed.
 */
public final class ProguardMapping {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Map<String, ClassMapping> byObfuscated;

	private final Map<String, ClassMapping> byOriginal;

	private final boolean lineInfo;

	private ProguardMapping(Map<String, ClassMapping> byObfuscated, boolean lineInfo) {
		this.byObfuscated = byObfuscated;
		this.byOriginal = new HashMap<>();
		for (ClassMapping mapping : byObfuscated.values()) {
			this.byOriginal.putIfAbsent(mapping.original, mapping);
		}
		this.lineInfo = lineInfo;
	}

	/**
	 * Reads a mapping file (UTF-8).
	 * @throws InvalidMappingException when it maps no class at all
	 */
	public static ProguardMapping parse(byte[] data) {
		try {
			return parse(new java.io.ByteArrayInputStream(data));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a mapping file (UTF-8) from a stream, which it does not close.
	 * @throws InvalidMappingException when it maps no class at all
	 * @throws IOException when the stream fails
	 */
	public static ProguardMapping parse(InputStream in) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		Map<String, ClassMapping> classes = new LinkedHashMap<>();
		ClassMapping current = null;
		Member lastMember = null;
		boolean lineInfo = false;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (trimmed.startsWith("#")) {
				if (current != null) {
					metadata(trimmed.substring(1).strip(), current, lastMember);
				}
				continue;
			}
			boolean indented = Character.isWhitespace(line.charAt(0));
			if (!indented) {
				current = classLine(trimmed);
				lastMember = null;
				if (current != null) {
					classes.put(current.obfuscated, current);
				}
				continue;
			}
			if (current == null) {
				continue;
			}
			Member member = memberLine(trimmed);
			if (member != null) {
				current.methods.computeIfAbsent(member.obfuscatedName, (key) -> new ArrayList<>()).add(member);
				lineInfo |= member.obfuscatedStart != null;
				lastMember = member;
			}
		}
		if (classes.isEmpty()) {
			throw new InvalidMappingException("no class mapping (original -> obfuscated:) was found");
		}
		return new ProguardMapping(classes, lineInfo);
	}

	/**
	 * Whether any method maps line numbers (sentry-cli refuses to upload a mapping
	 * without; frames cannot be placed without).
	 */
	public boolean hasLineInfo() {
		return this.lineInfo;
	}

	/**
	 * How many classes the mapping names.
	 */
	public int classCount() {
		return this.byObfuscated.size();
	}

	/**
	 * The original name of an obfuscated class (fully qualified, {@code $} for inner
	 * classes), or null when the mapping does not name it.
	 */
	public @Nullable String originalClass(String obfuscated) {
		ClassMapping mapping = this.byObfuscated.get(obfuscated);
		return (mapping != null) ? mapping.original : null;
	}

	/**
	 * The original frames of an obfuscated one, innermost first: several when methods
	 * were inlined into the one that ran, one otherwise, none when the mapping does not
	 * name the class. When the method is not named, or its line fits no range and the
	 * name is ambiguous, the one frame has the original class and the method as given.
	 * @param line the frame's line, null or 0 when unknown
	 */
	public List<RetracedFrame> retrace(String obfuscatedClass, String method, @Nullable Integer line) {
		ClassMapping mapping = this.byObfuscated.get(obfuscatedClass);
		if (mapping == null) {
			return List.of();
		}
		List<Member> members = mapping.methods.getOrDefault(method, List.of());
		List<Member> chain = new ArrayList<>();
		if (line != null && line > 0) {
			for (Member member : members) {
				if (member.obfuscatedStart != null && member.obfuscatedStart <= line && line <= member.obfuscatedEnd) {
					chain.add(member);
				}
			}
		}
		List<RetracedFrame> frames = new ArrayList<>();
		if (!chain.isEmpty()) {
			boolean allSynthesized = chain.stream().allMatch((member) -> member.synthesized);
			for (Member member : chain) {
				if (allSynthesized || !member.synthesized) {
					frames.add(frame(mapping, member, originalLine(member, line)));
				}
			}
			return frames;
		}
		Member unique = unique(members);
		if (unique != null) {
			Integer original = (unique.obfuscatedStart == null && unique.originalStart != null) ? unique.originalStart
					: line;
			return List.of(frame(mapping, unique, original));
		}
		return List.of(new RetracedFrame(mapping.original, method, line, sourceFile(mapping.original), false));
	}

	/**
	 * The one original method that an obfuscated name stands for, null when there is none
	 * or several.
	 */
	private static @Nullable Member unique(List<Member> members) {
		Member found = null;
		for (Member member : members) {
			if (found != null && !(found.name.equals(member.name)
					&& java.util.Objects.equals(found.originalClass, member.originalClass))) {
				return null;
			}
			if (found == null || (found.obfuscatedStart != null && member.obfuscatedStart == null)) {
				found = member;
			}
		}
		return found;
	}

	private static @Nullable Integer originalLine(Member member, Integer line) {
		if (member.originalStart == null) {
			return line;
		}
		if (member.originalEnd == null || member.originalEnd.equals(member.originalStart)) {
			return member.originalStart;
		}
		return member.originalStart + (line - member.obfuscatedStart);
	}

	private RetracedFrame frame(ClassMapping mapping, Member member, @Nullable Integer line) {
		String className = (member.originalClass != null) ? member.originalClass : mapping.original;
		return new RetracedFrame(className, member.name, line, sourceFile(className), member.synthesized);
	}

	/**
	 * The source file R8 recorded for a class (or its outermost class), else the
	 * outermost class's simple name with {@code .java}.
	 */
	private String sourceFile(String originalClass) {
		int dollar = originalClass.indexOf('$');
		String outer = (dollar >= 0) ? originalClass.substring(0, dollar) : originalClass;
		for (String candidate : List.of(originalClass, outer)) {
			ClassMapping mapping = this.byOriginal.get(candidate);
			if (mapping != null && mapping.sourceFile != null) {
				return mapping.sourceFile;
			}
		}
		return outer.substring(outer.lastIndexOf('.') + 1) + ".java";
	}

	private static @Nullable ClassMapping classLine(String line) {
		int arrow = line.indexOf(" -> ");
		if (arrow <= 0 || !line.endsWith(":")) {
			return null;
		}
		String original = line.substring(0, arrow).strip();
		String obfuscated = line.substring(arrow + 4, line.length() - 1).strip();
		if (original.isEmpty() || obfuscated.isEmpty() || original.contains(" ") || obfuscated.contains(" ")) {
			return null;
		}
		return new ClassMapping(original, obfuscated);
	}

	/**
	 * A method line, or null for a field or a line that is neither.
	 */
	private static @Nullable Member memberLine(String line) {
		int arrow = line.lastIndexOf(" -> ");
		if (arrow <= 0) {
			return null;
		}
		String obfuscated = line.substring(arrow + 4).strip();
		String left = line.substring(0, arrow).strip();
		int open = left.indexOf('(');
		int close = left.lastIndexOf(')');
		if (open < 0 || close < open || obfuscated.isEmpty()) {
			return null;
		}
		Integer obfuscatedStart = null;
		Integer obfuscatedEnd = null;
		int position = 0;
		if (Character.isDigit(left.charAt(0))) {
			int first = left.indexOf(':');
			if (first < 0 || first > open) {
				return null;
			}
			obfuscatedStart = number(left.substring(0, first));
			position = first + 1;
			if (position < left.length() && Character.isDigit(left.charAt(position))) {
				int second = left.indexOf(':', position);
				if (second < 0 || second > open) {
					return null;
				}
				obfuscatedEnd = number(left.substring(position, second));
				position = second + 1;
			}
			else {
				obfuscatedEnd = obfuscatedStart;
			}
			if (obfuscatedStart == null || obfuscatedEnd == null) {
				return null;
			}
		}
		String signature = left.substring(position, open).strip();
		int space = signature.lastIndexOf(' ');
		if (space < 0) {
			return null;
		}
		String qualified = signature.substring(space + 1);
		int dot = qualified.lastIndexOf('.');
		String originalClass = (dot > 0) ? qualified.substring(0, dot) : null;
		String name = qualified.substring(dot + 1);
		Integer originalStart = null;
		Integer originalEnd = null;
		String after = left.substring(close + 1);
		if (after.startsWith(":")) {
			String[] parts = after.substring(1).split(":", -1);
			originalStart = number(parts[0]);
			originalEnd = (parts.length > 1) ? number(parts[1]) : null;
			if (originalStart == null) {
				return null;
			}
		}
		if (name.isEmpty()) {
			return null;
		}
		return new Member(obfuscated, obfuscatedStart, obfuscatedEnd, originalClass, name, originalStart, originalEnd);
	}

	private static @Nullable Integer number(String text) {
		if (text.isEmpty() || text.length() > 9) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return null;
			}
		}
		return Integer.parseInt(text);
	}

	private static void metadata(String comment, ClassMapping current, @Nullable Member lastMember) {
		if (!comment.startsWith("{")) {
			return;
		}
		JsonNode node;
		try {
			node = JSON.readTree(comment);
		}
		catch (JacksonException ex) {
			return;
		}
		String id = node.path("id").asString("");
		if (id.equals("sourceFile") && lastMember == null && node.path("fileName").isString()) {
			current.sourceFile = node.path("fileName").stringValue();
		}
		else if (id.equals("com.android.tools.r8.synthesized")) {
			if (lastMember != null) {
				lastMember.synthesized = true;
			}
			else {
				current.synthesized = true;
			}
		}
	}

	/**
	 * One original frame.
	 *
	 * @param className the original class, fully qualified
	 * @param method the original method name
	 * @param line the original line, null when unknown
	 * @param sourceFile the source file of the class, as R8 recorded it or derived from
	 * the class name
	 * @param synthesized whether R8 generated the method (a lambda's body, a bridge)
	 */
	public record RetracedFrame(String className, String method, @Nullable Integer line, String sourceFile,
			boolean synthesized) {

	}

	/**
	 * A mapping file that maps nothing, with the reason.
	 */
	public static final class InvalidMappingException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidMappingException(String message) {
			super(message);
		}

	}

	private static final class ClassMapping {

		final String original;

		final String obfuscated;

		final Map<String, List<Member>> methods = new HashMap<>();

		@Nullable String sourceFile;

		boolean synthesized;

		ClassMapping(String original, String obfuscated) {
			this.original = original;
			this.obfuscated = obfuscated;
		}

	}

	private static final class Member {

		final String obfuscatedName;

		final @Nullable Integer obfuscatedStart;

		final @Nullable Integer obfuscatedEnd;

		final @Nullable String originalClass;

		final String name;

		final @Nullable Integer originalStart;

		final @Nullable Integer originalEnd;

		boolean synthesized;

		Member(String obfuscatedName, @Nullable Integer obfuscatedStart, @Nullable Integer obfuscatedEnd,
				@Nullable String originalClass, String name, @Nullable Integer originalStart,
				@Nullable Integer originalEnd) {
			this.obfuscatedName = obfuscatedName;
			this.obfuscatedStart = obfuscatedStart;
			this.obfuscatedEnd = obfuscatedEnd;
			this.originalClass = originalClass;
			this.name = name;
			this.originalStart = originalStart;
			this.originalEnd = originalEnd;
		}

	}

}
