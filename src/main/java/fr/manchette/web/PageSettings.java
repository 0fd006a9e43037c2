package fr.manchette.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the web pages ({@code manchette.page.*}). Both are delays of the ticker page's timer, 500ms to 1h:
 * past 24.8 days a browser's timer overflows and asks again at once, and on and on.
 *
 * @param refresh how often the ticker page asks for new stories ({@code manchette.page.refresh}, default 20s)
 * @param backgroundRefresh how often it asks in a background tab ({@code manchette.page.background-refresh}, default
 * 1m), never more often than {@code refresh}
 */
@ConfigurationProperties("manchette.page")
record PageSettings(@DefaultValue("20s") Duration refresh, @DefaultValue("1m") Duration backgroundRefresh) {

	PageSettings {
		requireTimerDelay("manchette.page.refresh", refresh);
		requireTimerDelay("manchette.page.background-refresh", backgroundRefresh);
	}

	private static void requireTimerDelay(String key, Duration delay) {
		Assert.isTrue(delay.compareTo(Duration.ofMillis(500)) >= 0 && delay.compareTo(Duration.ofHours(1)) <= 0,
				key + " must be from 500ms to 1h, not " + delay);
	}

}
