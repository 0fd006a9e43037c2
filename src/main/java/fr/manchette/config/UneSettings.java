package fr.manchette.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How lists ranked à la une ({@code order=une}) count ({@code manchette.une.*}).
 *
 * @param window how far back the sources that told a story are counted: a story ranks by how many distinct sources
 * told it within this much time before now; from one minute to seven days
 */
@ConfigurationProperties("manchette.une")
public record UneSettings(@DefaultValue("6h") Duration window) {

	/** The longest window: every request ranked à la une reads the items it holds. */
	public static final Duration MAX_WINDOW = Duration.ofDays(7);

	public UneSettings {
		Assert.isTrue(window.compareTo(Duration.ofMinutes(1)) >= 0 && window.compareTo(MAX_WINDOW) <= 0,
				"manchette.une.window must be from 1m to 7d, not " + window);
	}

}
