package fr.manchette.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the web pages ({@code manchette.page.*}).
 *
 * @param refresh how often the ticker page asks for new stories ({@code manchette.page.refresh}, default 20s, 500ms
 * to 1h): past 24.8 days a browser's timer overflows and asks again at once, and on and on
 */
@ConfigurationProperties("manchette.page")
record PageSettings(@DefaultValue("20s") Duration refresh) {

	PageSettings {
		Assert.isTrue(refresh.compareTo(Duration.ofMillis(500)) >= 0 && refresh.compareTo(Duration.ofHours(1)) <= 0,
				"manchette.page.refresh must be from 500ms to 1h, not " + refresh);
	}

}
