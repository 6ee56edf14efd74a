package dev.faultline.query;

import java.util.List;
import java.util.Map;

/**
 * The quality thresholds of the web vitals, as web.dev publishes them: a value is
 * {@code good} up to and including the first threshold, {@code meh} (needs improvement)
 * above it up to and including the second, {@code poor} above the second; {@code any} is
 * every row that has the vital. Durations in milliseconds, CLS unitless.
 *
 * <table>
 * <caption>Thresholds</caption>
 * <tr>
 * <th>vital</th>
 * <th>good ≤</th>
 * <th>poor &gt;</th>
 * </tr>
 * <tr>
 * <td>lcp</td>
 * <td>2500</td>
 * <td>4000</td>
 * </tr>
 * <tr>
 * <td>fcp</td>
 * <td>1800</td>
 * <td>3000</td>
 * </tr>
 * <tr>
 * <td>cls</td>
 * <td>0.1</td>
 * <td>0.25</td>
 * </tr>
 * <tr>
 * <td>inp</td>
 * <td>200</td>
 * <td>500</td>
 * </tr>
 * <tr>
 * <td>ttfb</td>
 * <td>800</td>
 * <td>1800</td>
 * </tr>
 * <tr>
 * <td>fid</td>
 * <td>100</td>
 * <td>300</td>
 * </tr>
 * </table>
 */
public final class WebVitals {

	/** Good-up-to and poor-above thresholds by vital name. */
	public static final Map<String, List<Double>> THRESHOLDS = Map.of("lcp", List.of(2500.0, 4000.0), "fcp",
			List.of(1800.0, 3000.0), "cls", List.of(0.1, 0.25), "inp", List.of(200.0, 500.0), "ttfb",
			List.of(800.0, 1800.0), "fid", List.of(100.0, 300.0));

	/** The qualities {@code count_web_vitals} accepts. */
	public static final List<String> QUALITIES = List.of("good", "meh", "poor", "any");

	private WebVitals() {
	}

	/**
	 * Returns the condition of rows whose vital has a quality.
	 * @param vital the vital's column, numeric
	 * @param name the vital's name ({@code lcp}…)
	 * @param quality {@code good}, {@code meh}, {@code poor} or {@code any}
	 * @return the condition
	 * @throws IllegalArgumentException for an unknown vital or quality, or a column that
	 * is no number
	 */
	public static Condition condition(Expression vital, String name, String quality) {
		List<Double> thresholds = THRESHOLDS.get(name);
		if (thresholds == null) {
			throw new IllegalArgumentException("not a web vital: " + name + "; one of " + THRESHOLDS.keySet());
		}
		if (vital.type() != FieldType.NUMBER && vital.type() != FieldType.DURATION) {
			throw new IllegalArgumentException("a web vital is a measurement: " + vital.name());
		}
		double good = thresholds.get(0);
		double poor = thresholds.get(1);
		return switch (quality) {
			case "good" -> new Condition.Compare(vital, Condition.Operator.LESS_OR_EQUAL, good);
			case "meh" -> new Condition.AllOf(List.of(new Condition.Compare(vital, Condition.Operator.GREATER, good),
					new Condition.Compare(vital, Condition.Operator.LESS_OR_EQUAL, poor)));
			case "poor" -> new Condition.Compare(vital, Condition.Operator.GREATER, poor);
			// Measurements are never negative; a row without the vital compares as NULL.
			case "any" -> new Condition.Compare(vital, Condition.Operator.GREATER_OR_EQUAL, 0.0);
			default ->
				throw new IllegalArgumentException("a web vital quality is one of " + QUALITIES + ": " + quality);
		};
	}

}
