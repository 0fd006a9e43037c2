package fr.manchette.publish;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import fr.manchette.store.PollOutcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The written-out equals of the sources' records tell apart what the records' own would: {@code /api/sources} writes
 * a source again only when its health is not equal to the one it last wrote, so a component left out would leave its
 * old value on the list.
 */
class SourceHealthTests {

	private static final Instant T0 = Instant.parse("2025-05-16T18:35:00Z");

	private static final SourceFreshness FRESHNESS = new SourceFreshness(600L, "rate", 4.5, 40L, 90L, 2);

	private static final SourceHealth HEALTH = new SourceHealth("hespress", "Hespress", "https://h.ma/feed",
			"actualite", true, T0, T0, PollOutcome.OK, 0, "none", T0.plusSeconds(600), 7, "https://h.ma/rss",
			Map.of("keep", 1L), FRESHNESS);

	@Test
	void aSourceHealthDiffersWhicheverComponentDiffers() throws Exception {
		assertDiffersByEachComponent(HEALTH);
	}

	@Test
	void aSourceFreshnessDiffersWhicheverComponentDiffers() throws Exception {
		assertDiffersByEachComponent(FRESHNESS);
	}

	/** For each component: a copy with another value there, and one with null there when it may be null. */
	private static void assertDiffersByEachComponent(Record record) throws Exception {
		RecordComponent[] components = record.getClass().getRecordComponents();
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			values[i] = components[i].getAccessor().invoke(record);
		}
		Constructor<?> canonical = record.getClass()
			.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
		Object copy = canonical.newInstance(values);
		assertThat(copy).isEqualTo(record).hasSameHashCodeAs(record);
		int nullable = 0;
		for (int i = 0; i < components.length; i++) {
			Object[] changed = values.clone();
			changed[i] = another(values[i]);
			assertThat(canonical.newInstance(changed)).as(components[i].getName()).isNotEqualTo(record);
			if (components[i].getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				nullable++;
				changed[i] = null;
				Object withNull = canonical.newInstance(changed);
				assertThat(withNull).as(components[i].getName() + " null").isNotEqualTo(record);
				assertThat(record).as(components[i].getName() + " null").isNotEqualTo(withNull);
			}
		}
		assertThat(nullable).as("nullable components seen").isPositive();
	}

	private static Object another(Object value) {
		if (value instanceof String text) {
			return text + "-";
		}
		if (value instanceof Boolean flag) {
			return !flag;
		}
		if (value instanceof Integer number) {
			return number + 1;
		}
		if (value instanceof Long number) {
			return number + 1;
		}
		if (value instanceof Double number) {
			return number + 0.01;
		}
		if (value instanceof Instant instant) {
			return instant.plusMillis(1);
		}
		if (value instanceof PollOutcome outcome) {
			return (outcome == PollOutcome.OK) ? PollOutcome.TIMEOUT : PollOutcome.OK;
		}
		if (value instanceof Map) {
			return Map.of("drop: publireportage", 1L);
		}
		if (value instanceof SourceFreshness freshness) {
			return new SourceFreshness(freshness.intervalSeconds(), freshness.intervalReason(),
					freshness.itemsPerHour(), freshness.delayMedianSeconds(), freshness.delayP90Seconds(),
					freshness.delaysMeasured() + 1);
		}
		throw new IllegalArgumentException("no other value for " + value.getClass());
	}

}
