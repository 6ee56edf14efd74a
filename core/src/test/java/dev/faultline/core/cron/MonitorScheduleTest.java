package dev.faultline.core.cron;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MonitorScheduleTest {

	@Test
	void intervalCountsFromTheCheckInsMinute() {
		MonitorSchedule schedule = MonitorSchedule.interval(2, "hour", null);
		assertThat(schedule.next(Instant.parse("2026-12-07T10:15:42Z"))).hasToString("2026-12-07T12:15:00Z");
		assertThat(schedule.sentryValue()).isEqualTo(List.of(2, "hour"));
	}

	@Test
	void monthIntervalsFollowTheCalendarOfTheTimezone() {
		MonitorSchedule schedule = MonitorSchedule.interval(1, "month", "Europe/Vienna");
		assertThat(schedule.next(Instant.parse("2027-03-01T12:00:00Z"))).hasToString("2027-04-01T11:00:00Z");
	}

	@Test
	void crontabInTimezone() {
		MonitorSchedule schedule = MonitorSchedule.crontab("0 6 * * *", "America/New_York");
		assertThat(schedule.next(Instant.parse("2026-12-07T12:00:00Z"))).hasToString("2026-12-08T11:00:00Z");
		assertThat(schedule.sentryValue()).isEqualTo("0 6 * * *");
	}

	@Test
	void rejectsWhatCannotBeEvaluated() {
		assertThatExceptionOfType(CronSyntaxException.class)
			.isThrownBy(() -> MonitorSchedule.interval(0, "hour", null));
		assertThatExceptionOfType(CronSyntaxException.class)
			.isThrownBy(() -> MonitorSchedule.interval(1, "fortnight", null));
		assertThatExceptionOfType(CronSyntaxException.class)
			.isThrownBy(() -> MonitorSchedule.crontab("0 6 * * *", "Mars/Olympus"));
		assertThatExceptionOfType(CronSyntaxException.class)
			.isThrownBy(() -> new MonitorSchedule("weekly", null, 0, null, null));
	}

}
