package fr.manchette.fetch;

import java.time.Clock;

import fr.manchette.config.ManchetteProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One shared {@link FeedFetcher}: one HTTP client, one connection pool, one record of what time the sources say. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean
	SourcesTime sourcesTime(Clock clock) {
		return new SourcesTime(clock);
	}

	@Bean
	FeedFetcher feedFetcher(ManchetteProperties properties, Clock clock, SourcesTime sourcesTime) {
		OutboundClient.keepIdlePerHost(properties.polling().perHost());
		return new FeedFetcher(properties.userAgent(), clock,
				new AddressPolicy(properties.fetch().allowInternalRedirects()), sourcesTime);
	}

}
