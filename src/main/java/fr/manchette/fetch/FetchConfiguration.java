package fr.manchette.fetch;

import java.time.Clock;

import fr.manchette.config.ManchetteProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One shared {@link FeedFetcher}: one HTTP client, one connection pool, one record of what time the sources say. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	/**
	 * With its gauge: an alert on {@code manchette_clock_ahead_seconds} tells of an NTP gone wrong before leases or
	 * retention do.
	 */
	@Bean
	SourcesTime sourcesTime(Clock clock, MeterRegistry meters) {
		SourcesTime time = new SourcesTime(clock);
		Gauge.builder("manchette.clock.ahead", time, (sources) -> sources.ahead().toSeconds())
			.description("How far this machine's clock runs ahead of the sources' servers (the median by host of "
					+ "their Date header); negative when behind")
			.baseUnit("seconds")
			.register(meters);
		return time;
	}

	@Bean
	FeedFetcher feedFetcher(ManchetteProperties properties, Clock clock, SourcesTime sourcesTime) {
		OutboundClient.keepIdlePerHost(properties.polling().perHost());
		return new FeedFetcher(properties.userAgent(), clock,
				new AddressPolicy(properties.fetch().allowInternalRedirects()), sourcesTime);
	}

}
