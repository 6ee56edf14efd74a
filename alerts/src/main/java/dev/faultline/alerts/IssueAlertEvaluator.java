package dev.faultline.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.faultline.storage.alert.IssueAlertRule;
import dev.faultline.storage.alert.IssueAlertRuleStore;
import dev.faultline.storage.alert.NewNotification;
import dev.faultline.storage.alert.NotificationOutbox;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueReader;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.release.Release;
import dev.faultline.storage.release.ReleaseQuery;
import dev.faultline.storage.release.ReleaseStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the issue alert rules of stored events and writes what fires to the outbox.
 *
 * <p>
 * Per batch: the rules of each project (cached for {@code ruleCacheTtl}) that are active,
 * not snoozed and of the event's environment; the issue as it is now (a resolved issue
 * the event reopened is a regression, an ignored one it woke has reappeared); one query
 * of the event store per project, window and kind for every frequency condition of the
 * batch; then conditions by {@code actionMatch}, filters by {@code filterMatch}
 * ({@code all}, {@code any}, {@code none}, as Sentry combines them). A rule that passes
 * claims the issue's action interval in the metadata store (once per interval, across
 * processes) and its notifications go to the outbox with idempotency keys, so a replayed
 * batch sends nothing twice. Thread-safe; store failures propagate.
 */
public final class IssueAlertEvaluator {

	private static final Logger logger = LoggerFactory.getLogger(IssueAlertEvaluator.class);

	private final IssueAlertRuleStore rules;

	private final IssueReader issues;

	private final ProjectStore projects;

	private final OrganizationStore organizations;

	private final ReleaseStore releases;

	private final EventCounts counts;

	private final NotificationPlanner planner;

	private final NotificationOutbox outbox;

	private final String baseUrl;

	private final Clock clock;

	private final Duration ruleCacheTtl;

	private final Map<Long, CachedRules> cache = new ConcurrentHashMap<>();

	public IssueAlertEvaluator(IssueAlertRuleStore rules, IssueReader issues, ProjectStore projects,
			OrganizationStore organizations, ReleaseStore releases, EventCounts counts, NotificationPlanner planner,
			NotificationOutbox outbox, String baseUrl, Clock clock, Duration ruleCacheTtl) {
		this.rules = rules;
		this.issues = issues;
		this.projects = projects;
		this.organizations = organizations;
		this.releases = releases;
		this.counts = counts;
		this.planner = planner;
		this.outbox = outbox;
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.ruleCacheTtl = ruleCacheTtl;
	}

	/**
	 * Evaluates a batch of stored events.
	 * @return how many notifications were written to the outbox
	 */
	public int evaluate(List<AlertCandidate> batch) {
		Instant now = this.clock.instant();
		Map<Long, List<AlertCandidate>> byProject = new HashMap<>();
		for (AlertCandidate candidate : batch) {
			byProject.computeIfAbsent(candidate.event().projectId(), (key) -> new ArrayList<>()).add(candidate);
		}
		int enqueued = 0;
		for (Map.Entry<Long, List<AlertCandidate>> entry : byProject.entrySet()) {
			List<ParsedRule> active = activeRules(entry.getKey(), now);
			if (!active.isEmpty()) {
				enqueued += evaluateProject(entry.getKey(), entry.getValue(), active, now);
			}
		}
		return enqueued;
	}

	private int evaluateProject(long projectId, List<AlertCandidate> candidates, List<ParsedRule> active, Instant now) {
		Optional<Project> project = this.projects.findById(projectId);
		if (project.isEmpty()) {
			return 0;
		}
		Optional<Organization> organization = this.organizations.findById(project.get().organizationId());
		if (organization.isEmpty()) {
			return 0;
		}
		Map<Long, Issue> issuesNow = new HashMap<>();
		for (AlertCandidate candidate : candidates) {
			long issueId = candidate.event().issueId();
			if (!issuesNow.containsKey(issueId)) {
				this.issues.findById(issueId).ifPresent((issue) -> issuesNow.put(issueId, issue));
			}
		}
		Frequencies frequencies = new Frequencies(projectId, issuesNow.keySet(), now);
		LatestRelease latest = new LatestRelease(organization.get().id(), projectId);
		int enqueued = 0;
		for (AlertCandidate candidate : candidates) {
			Issue issue = issuesNow.get(candidate.event().issueId());
			if (issue == null) {
				continue;
			}
			Facts facts = new Facts(candidate, issue, new EventAttributes(candidate.event()), frequencies, latest, now);
			for (ParsedRule rule : active) {
				if (!environmentMatches(rule.rule(), candidate.event()) || !passes(rule.definition(), facts)) {
					continue;
				}
				Duration interval = Duration.ofMinutes(rule.rule().spec().frequencyMinutes());
				if (!this.rules.claimFire(rule.rule().id(), issue.id(), candidate.event().eventId(), now, interval)) {
					continue;
				}
				IssueAlertContext context = new IssueAlertContext(organization.get(), project.get(), issue,
						candidate.event(), rule.rule().spec().name(), this.baseUrl);
				List<NewNotification> notifications = this.planner.plan(rule.rule().id(), rule.definition().actions(),
						context);
				for (NewNotification notification : notifications) {
					if (this.outbox.enqueue(notification, now)) {
						enqueued++;
					}
				}
				logger.debug("Rule {} fired for issue {} on event {}: {} notifications", rule.rule().id(), issue.id(),
						candidate.event().eventId(), notifications.size());
			}
		}
		return enqueued;
	}

	private List<ParsedRule> activeRules(long projectId, Instant now) {
		CachedRules cached = this.cache.get(projectId);
		if (cached == null || !now.isBefore(cached.expires())) {
			List<ParsedRule> parsed = new ArrayList<>();
			for (IssueAlertRule rule : this.rules.list(projectId)) {
				if (!"active".equals(rule.spec().status())) {
					continue;
				}
				try {
					parsed.add(new ParsedRule(rule, IssueRuleDefinition.of(rule.spec())));
				}
				catch (RuleException ex) {
					logger.warn("Skipping issue alert rule {} of project {}: {}", rule.id(), projectId,
							ex.getMessage());
				}
			}
			cached = new CachedRules(List.copyOf(parsed), now.plus(this.ruleCacheTtl));
			this.cache.put(projectId, cached);
		}
		return cached.rules().stream().filter((rule) -> !rule.rule().snoozedAt(now)).toList();
	}

	/** Forgets the cached rules of a project (after an API change in this process). */
	public void invalidate(long projectId) {
		this.cache.remove(projectId);
	}

	private static boolean environmentMatches(IssueAlertRule rule, StoredEvent event) {
		String environment = rule.spec().environment();
		return environment == null || environment.isEmpty() || environment.equals(event.environment());
	}

	static boolean passes(IssueRuleDefinition definition, Facts facts) {
		return combine(definition.actionMatch(), definition.conditions(), facts)
				&& combine(definition.filterMatch(), definition.filters(), facts);
	}

	/**
	 * Python's {@code all}, {@code any} and {@code not any}, as Sentry's rule processor.
	 */
	private static boolean combine(String match, List<RulePredicate> predicates, Facts facts) {
		return switch (match) {
			case "any" -> predicates.stream().anyMatch(facts::test);
			case "none" -> predicates.stream().noneMatch(facts::test);
			default -> predicates.stream().allMatch(facts::test);
		};
	}

	/**
	 * What predicates look at for one event.
	 */
	static final class Facts {

		private final AlertCandidate candidate;

		private final Issue issue;

		private final EventAttributes attributes;

		private final @Nullable Frequencies frequencies;

		private final @Nullable LatestRelease latest;

		private final Instant now;

		Facts(AlertCandidate candidate, Issue issue, EventAttributes attributes, @Nullable Frequencies frequencies,
				@Nullable LatestRelease latest, Instant now) {
			this.candidate = candidate;
			this.issue = issue;
			this.attributes = attributes;
			this.frequencies = frequencies;
			this.latest = latest;
			this.now = now;
		}

		boolean test(RulePredicate predicate) {
			StoredEvent event = this.candidate.event();
			if (predicate instanceof RulePredicate.FirstSeen) {
				return this.candidate.newIssue();
			}
			if (predicate instanceof RulePredicate.Regression) {
				return this.candidate.statusBefore() == IssueStatus.RESOLVED
						&& this.issue.status() == IssueStatus.UNRESOLVED;
			}
			if (predicate instanceof RulePredicate.Reappeared) {
				return this.candidate.statusBefore() == IssueStatus.IGNORED
						&& this.issue.status() == IssueStatus.UNRESOLVED;
			}
			if (predicate instanceof RulePredicate.EveryEvent) {
				return true;
			}
			if (predicate instanceof RulePredicate.EventFrequency frequency) {
				return this.frequencies != null && this.frequencies.exceeds(this.issue.id(), frequency);
			}
			if (predicate instanceof RulePredicate.Level level) {
				int actual = RulePredicate.levelNumber(event.level());
				return switch (level.match()) {
					case "gte" -> actual >= level.level();
					case "lte" -> actual <= level.level();
					default -> actual == level.level();
				};
			}
			if (predicate instanceof RulePredicate.Tagged tagged) {
				String value = event.tags().get(tagged.key());
				if (value == null) {
					value = builtInTag(event, tagged.key());
				}
				return tagged.match().test(value, tagged.value());
			}
			if (predicate instanceof RulePredicate.Attribute attribute) {
				return matchesAny(attribute.match(), this.attributes.values(attribute.attribute()), attribute.value());
			}
			if (predicate instanceof RulePredicate.Age age) {
				Instant boundary = this.now.minus(age.age());
				return age.older() ? this.issue.firstSeen().isBefore(boundary)
						: this.issue.firstSeen().isAfter(boundary);
			}
			if (predicate instanceof RulePredicate.Occurrences occurrences) {
				return this.issue.timesSeen() >= occurrences.value();
			}
			if (predicate instanceof RulePredicate.AssignedTo assigned) {
				Assignee assignee = this.issue.assignee();
				return switch (assigned.targetType()) {
					case "Unassigned" -> assignee == null;
					case "Team" ->
						assignee instanceof Assignee.Team team && Objects.equals(team.id(), assigned.targetId());
					default -> assignee instanceof Assignee.User user && Objects.equals(user.id(), assigned.targetId());
				};
			}
			if (predicate instanceof RulePredicate.LatestRelease) {
				return event.release() != null && this.latest != null && event.release().equals(this.latest.version());
			}
			if (predicate instanceof RulePredicate.Category category) {
				int actual = Issue.PERFORMANCE_CATEGORY.equals(this.issue.category()) ? 2 : 1;
				return actual == category.value();
			}
			throw new IllegalStateException("unhandled predicate " + predicate);
		}

		private static @Nullable String builtInTag(StoredEvent event, String key) {
			return switch (key) {
				case "level" -> event.level();
				case "environment" -> event.environment();
				case "release" -> event.release();
				case "transaction" -> event.transaction();
				default -> null;
			};
		}

		/**
		 * Sentry's matching of multi-valued attributes: a positive operator holds when
		 * any value matches, a negative one when every value does; {@code is} and
		 * {@code ns} ask whether there is a value.
		 */
		private static boolean matchesAny(Match match, List<String> values, String value) {
			if (match == Match.IS) {
				return !values.isEmpty();
			}
			if (match == Match.NS) {
				return values.isEmpty();
			}
			if (values.isEmpty()) {
				return match.test(null, value);
			}
			if (match == Match.NE || match == Match.NC) {
				return values.stream().allMatch((actual) -> match.test(actual, value));
			}
			return values.stream().anyMatch((actual) -> match.test(actual, value));
		}

	}

	/**
	 * The frequency counts of one project's batch, queried once per window and kind for
	 * every issue of the batch, when a rule first asks.
	 */
	final class Frequencies {

		private final long projectId;

		private final Set<Long> issueIds;

		private final Instant now;

		private final Map<String, Map<Long, Long>> answered = new HashMap<>();

		Frequencies(long projectId, Set<Long> issueIds, Instant now) {
			this.projectId = projectId;
			this.issueIds = new LinkedHashSet<>(issueIds);
			this.now = now;
		}

		boolean exceeds(long issueId, RulePredicate.EventFrequency frequency) {
			Instant to = this.now.plusMillis(1);
			long current = count(issueId, to.minus(frequency.interval()), to, frequency.uniqueUsers());
			if (frequency.comparisonInterval() == null) {
				return current > frequency.value();
			}
			Instant before = to.minus(frequency.comparisonInterval());
			long previous = count(issueId, before.minus(frequency.interval()), before, frequency.uniqueUsers());
			if (previous == 0) {
				return false;
			}
			return (current * 100.0 / previous) - 100 > frequency.value();
		}

		private long count(long issueId, Instant from, Instant to, boolean unique) {
			String key = from.toEpochMilli() + ":" + to.toEpochMilli() + ":" + unique;
			Map<Long, Long> counts = this.answered.computeIfAbsent(key, (ignored) -> IssueAlertEvaluator.this.counts
				.count(this.projectId, this.issueIds, from, to, unique));
			return counts.getOrDefault(issueId, 0L);
		}

	}

	/**
	 * The project's newest release, read when a rule first asks.
	 */
	final class LatestRelease {

		private final long organizationId;

		private final long projectId;

		private @Nullable Optional<String> version;

		LatestRelease(long organizationId, long projectId) {
			this.organizationId = organizationId;
			this.projectId = projectId;
		}

		@Nullable String version() {
			if (this.version == null) {
				List<Release> newest = IssueAlertEvaluator.this.releases
					.list(new ReleaseQuery(this.organizationId, List.of(this.projectId), null, null, 0, 1));
				this.version = newest.stream().findFirst().map(Release::version);
			}
			return this.version.orElse(null);
		}

	}

	private record ParsedRule(IssueAlertRule rule, IssueRuleDefinition definition) {
	}

	private record CachedRules(List<ParsedRule> rules, Instant expires) {
	}

}
