package dev.faultline.core.performance;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every detector over a segment. Thread-safe.
 */
public final class PerformanceDetection {

	private final List<SpanDetector> detectors = List.of(new NPlusOneDbDetector(), new SlowDbQueryDetector(),
			new ConsecutiveHttpDetector(), AssetDetectors.renderBlocking(), AssetDetectors.uncompressed());

	/**
	 * The problems of a segment under a project's settings, detector by detector in the
	 * order of {@link ProblemType}.
	 */
	public List<PerformanceProblem> detect(Segment segment, DetectionSettings settings) {
		List<PerformanceProblem> problems = new ArrayList<>();
		for (SpanDetector detector : this.detectors) {
			problems.addAll(detector.detect(segment, settings));
		}
		return problems;
	}

}
