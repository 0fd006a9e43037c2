package fr.manchette.fetch;

import java.time.Clock;

import fr.manchette.config.ManchetteProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One shared {@link FeedFetcher}: one HTTP client, one connection pool. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean
	FeedFetcher feedFetcher(ManchetteProperties properties, Clock clock) {
		OutboundClient.keepIdlePerHost(properties.polling().perHost());
		return new FeedFetcher(properties.userAgent(), clock, properties.fetch().allowInternalRedirects());
	}

}
