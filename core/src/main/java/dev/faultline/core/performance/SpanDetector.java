package dev.faultline.core.performance;

import java.util.List;

/**
 * Finds one kind of problem in a segment. Implementations are stateless and thread-safe.
 */
interface SpanDetector {

	/**
	 * @return the problems found, in the order of their first offending span; empty when
	 * the detector is off in the settings
	 */
	List<PerformanceProblem> detect(Segment segment, DetectionSettings settings);

}
