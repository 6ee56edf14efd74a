package dev.faultline.e2e.deploy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns a Helm template into YAML that a parser accepts, without Helm: a line that is
 * only a template action is dropped ({@code if}/{@code range}/{@code end},
 * {@code include … | nindent}), except {@code toYaml .Values.<path> | nindent N}, which
 * becomes that subtree of values.yaml at indent N; any other action inside a line becomes
 * the scalar {@value #PLACEHOLDER}. Conditional blocks are kept whole, so every branch is
 * checked.
 */
final class HelmTemplateStub {

	static final String PLACEHOLDER = "stub";

	private static final Pattern ACTION = Pattern.compile("\\{\\{.*?}}");

	private static final Pattern ACTION_LINE = Pattern.compile("^\\s*\\{\\{.*}}\\s*$");

	private static final Pattern TO_YAML_VALUES = Pattern
		.compile("^\\s*\\{\\{-?\\s*toYaml\\s+\\$?\\.Values\\.([\\w.]+)\\s*\\|\\s*nindent\\s+(\\d+)\\s*-?}}\\s*$");

	private final Map<String, Object> values;

	HelmTemplateStub(Map<String, Object> values) {
		this.values = values;
	}

	String render(String template) {
		return template.lines()
			.map(this::renderLine)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.joining("\n"));
	}

	private @Nullable String renderLine(String line) {
		Matcher toYaml = TO_YAML_VALUES.matcher(line);
		if (toYaml.matches()) {
			return indent(dump(RepositoryFiles.at(this.values, toYaml.group(1))), Integer.parseInt(toYaml.group(2)));
		}
		if (ACTION_LINE.matcher(line).matches()) {
			return null;
		}
		return ACTION.matcher(line).replaceAll(PLACEHOLDER);
	}

	private static String dump(@Nullable Object subtree) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new Yaml(options).dump(subtree);
	}

	private static String indent(String yaml, int spaces) {
		String prefix = " ".repeat(spaces);
		List<String> lines = yaml.lines().map(line -> prefix + line).toList();
		return String.join("\n", lines);
	}

}
